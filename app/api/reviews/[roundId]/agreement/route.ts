import { withUser } from "@/lib/api/handler";
import { getRoundAgreement } from "@/lib/server/reviews/get-round-agreement";

/** GET /api/reviews/{id}/agreement: alpha, span F1 and the pairwise matrix. */
export const GET = withUser<{ roundId: string }>(async ({ params, viewer }) => getRoundAgreement(await viewer(), params.roundId));
