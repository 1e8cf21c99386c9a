import { readJson, withUser } from "@/lib/api/handler";
import { memberChangeSchema } from "@/lib/schemas/team";
import { changeMember } from "@/lib/server/team/change-member";

/** PATCH /api/team/members/{membershipId}: a new role, or deactivate/reactivate, against the version read. */
export const PATCH = withUser<{ membershipId: string }>(async ({ req, user, params }) =>
  changeMember(user, params.membershipId, await readJson(req, memberChangeSchema)),
);
