import { withUser } from "@/lib/api/handler";
import { getRound } from "@/lib/server/reviews/get-round";

/** GET /api/reviews/{id}: progress before the reveal, clusters and feedback after it. */
export const GET = withUser<{ roundId: string }>(async ({ params, viewer }) => getRound(await viewer(), params.roundId));
