import { withUser } from "@/lib/api/handler";
import { getTeamAgreement } from "@/lib/server/reviews/get-team-agreement";

/** GET /api/agreement: the team's agreement over time. */
export const GET = withUser(async ({ viewer }) => getTeamAgreement(await viewer()));
