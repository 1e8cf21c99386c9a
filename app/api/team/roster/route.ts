import { withUser } from "@/lib/api/handler";
import { listTeamMembers } from "@/lib/server/team/list-team-members";

/** GET /api/team/roster: the members page (every member with status and counts, pending invitations for admins). */
export const GET = withUser(async ({ viewer }) => listTeamMembers(await viewer()));
