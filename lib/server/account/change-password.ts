import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SignedInAccount } from "@/lib/auth/current-user";
import { DUMMY_HASH, hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-policy";
import { endSessions } from "@/lib/auth/end-sessions";
import { beginAttempt, recordSuccess, waitText, type ThrottleKey } from "@/lib/auth/login-throttle";
import type { ChangePasswordInput } from "@/lib/schemas/team";
import { auditAcrossTeams } from "./audit-across-teams";

/**
 * POST /api/account/password: a new password, given the current one. Every
 * other session of the person ends; the route re-issues the caller's own
 * session at the new session version, so this tab stays signed in.
 * An account made through an OAuth provider has no password yet and sets one
 * without the current-password check (it signed in through the provider).
 * Wrong current passwords are throttled like sign-ins: a stolen session must
 * not become a way to find the password.
 */
export async function changePassword(account: SignedInAccount, input: ChangePasswordInput): Promise<{ sessionVersion: number }> {
  const key: ThrottleKey = { kind: "user", key: `user:${account.id}`, account: account.email.toLowerCase(), enforce: true };
  const verdict = await beginAttempt([key]);
  if (!verdict.allowed)
    throw new AppError("RATE_LIMITED", `Too many wrong passwords. Try again in ${waitText(verdict.retryAt)}.`, {
      field: "currentPassword",
    });
  const row = await db.user.findUniqueOrThrow({ where: { id: account.id }, select: { passwordHash: true } });
  const ok = await verifyPassword(input.currentPassword, row.passwordHash ?? DUMMY_HASH);
  if (row.passwordHash && !ok) throw new AppError("INVALID_INPUT", "The current password is not right.", { field: "currentPassword" });
  await recordSuccess(verdict.charged);
  if (input.newPassword === input.currentPassword)
    throw new AppError("INVALID_INPUT", "Choose a password different from the current one.", { field: "newPassword" });
  assertStrongPassword(input.newPassword, "newPassword", { email: account.email, name: account.name });
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: account.id }, data: { passwordHash } });
    const sessionVersion = await endSessions(tx, account.id);
    await auditAcrossTeams(tx, account.id, "account.password_change");
    return { sessionVersion };
  });
}
