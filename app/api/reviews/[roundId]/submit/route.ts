import { withUser } from "@/lib/api/handler";
import { submitReview } from "@/lib/server/reviews/submit-review";

/** POST /api/reviews/{id}/submit: the caller locks their review (the last one reveals the round). */
export const POST = withUser<{ roundId: string }>(async ({ params, viewer }) => submitReview(await viewer(), params.roundId));
