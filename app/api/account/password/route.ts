import { readJson } from "@/lib/api/handler";
import { withAccount } from "@/lib/api/with-account";
import { reissueSession } from "@/lib/auth/reissue-session";
import { changePasswordSchema } from "@/lib/schemas/team";
import { changePassword } from "@/lib/server/account/change-password";
import { jsonResponse } from "@/lib/api/json-response";

/** POST /api/account/password: a new password (the current one needed); other sessions end, this one is re-issued. */
export const POST = withAccount(async ({ req, account }) => {
  const { sessionVersion } = await changePassword(account, await readJson(req, changePasswordSchema));
  const res = jsonResponse({ ok: true });
  await reissueSession(req, res, sessionVersion);
  return res;
});
