import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/api/handler";
import { reissueSession } from "@/lib/auth/reissue-session";
import { changePasswordSchema } from "@/lib/schemas/account";
import { changePassword } from "@/lib/server/account/change-password";

/**
 * PUT /api/account/password `{ currentPassword, newPassword }`: changes the
 * caller's password and ends their other sessions; this one carries on
 * with a re-issued cookie.
 */
export const PUT = withUser(async ({ req, user }) => {
  const { sessionVersion } = await changePassword(user, await readJson(req, changePasswordSchema));
  const res = NextResponse.json({ ok: true });
  await reissueSession(req, res, sessionVersion);
  return res;
});
