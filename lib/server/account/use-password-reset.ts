import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-policy";
import { endSessions } from "@/lib/auth/end-sessions";
import type { PasswordResetPreviewDto } from "@/lib/schemas/team";
import { auditAcrossTeams } from "./audit-across-teams";
import { findPasswordReset } from "./password-reset-link";

/** GET /api/password-resets/{token} (no sign-in): whose password the link sets. */
export async function previewPasswordReset(token: string): Promise<PasswordResetPreviewDto> {
  const row = await findPasswordReset(db, token);
  return { email: row.user.email, expiresAt: row.expiresAt.toISOString() };
}

/**
 * POST /api/password-resets/{token} (no sign-in): sets the new password,
 * once. Every session of the user ends; they sign in with the new password.
 */
export async function usePasswordReset(token: string, password: string): Promise<{ email: string }> {
  const row = await findPasswordReset(db, token);
  assertStrongPassword(password, "password", { email: row.user.email, name: row.user.name });
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const taken = await tx.passwordReset.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (taken.count === 0)
      throw new AppError("INVALID_INPUT", "This password link was already used. Ask an admin for a new one.", { field: "token" });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await endSessions(tx, row.userId);
    await auditAcrossTeams(tx, row.userId, "account.password_reset");
  });
  return { email: row.user.email };
}
