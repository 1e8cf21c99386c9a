import { withUser } from "@/lib/api/handler";
import { listMembers } from "@/lib/server/team/list-members";

/** GET /api/team/members: the caller's teammates (for reviewer pickers and @-mentions). */
export const GET = withUser(({ user }) => listMembers(user));
