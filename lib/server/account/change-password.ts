import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { beginAttempt, recordSuccess, waitText, type ThrottleKey } from "@/lib/auth/login-throttle";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { ChangePasswordInput } from "@/lib/schemas/account";

/**
 * A member changes their own password, naming the current one. Wrong guesses
 * are throttled like sign-ins (a stolen session must not become a way to
 * find the password). The change ends every session of the user
 * (lib/auth/session-version.ts); the route re-issues the caller's own cookie
 * under the new version. Audited in the team the caller is working in, with
 * no password material.
 */
export async function changePassword(user: CurrentUser, input: ChangePasswordInput): Promise<{ sessionVersion: number }> {
  const key: ThrottleKey = { kind: "user", key: `user:${user.id}`, account: user.email.toLowerCase(), enforce: true };
  const verdict = await beginAttempt([key]);
  if (!verdict.allowed) throw new AppError("RATE_LIMITED", `Too many wrong passwords. Try again in ${waitText(verdict.retryAt)}.`, { field: "currentPassword" });
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row.passwordHash) throw new AppError("INVALID_INPUT", "This account signs in through another provider and has no password to change.", { field: "currentPassword" });
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) throw new AppError("INVALID_INPUT", "The current password is not right.", { field: "currentPassword" });
  await recordSuccess(verdict.charged);
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await recordAuditEvent(tx, { teamId: user.teamId, actorId: user.id, action: "user.password_change", objectType: "user", objectId: user.id });
    return updated;
  });
}
