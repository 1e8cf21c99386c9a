import { withUser } from "@/lib/api/handler";
import { createPasswordReset } from "@/lib/server/account/create-password-reset";
import { jsonResponse } from "@/lib/api/json-response";

/** POST /api/team/members/{membershipId}/password-reset: a one-time link for the member to set a new password. */
export const POST = withUser<{ membershipId: string }>(async ({ req, user, params }) =>
  jsonResponse(await createPasswordReset(user, params.membershipId, req.nextUrl.origin), { status: 201 }),
);
