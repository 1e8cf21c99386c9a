import { withUser } from "@/lib/api/handler";

/** GET /api/team: who the caller is in the team they are working in. */
export const GET = withUser(({ user }) => user);
