import { withUser } from "@/lib/api/handler";
import { reopenReview } from "@/lib/server/reviews/reopen-review";

/** POST /api/reviews/{id}/reopen: the caller unlocks their submitted review (until the reveal). */
export const POST = withUser<{ roundId: string }>(async ({ params, viewer }) => reopenReview(await viewer(), params.roundId));
