import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { OneTimeLinkDto } from "@/lib/schemas/team";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { passwordResetMessage } from "@/lib/server/mail/link-messages";
import { mailEnabled, sendMail } from "@/lib/server/mail/send-mail";
import { appBaseUrl } from "@/lib/server/team/app-url";
import { PASSWORD_RESET_TTL_MS, newOneTimeToken } from "@/lib/server/team/one-time-token";
import { MANAGER_ROLES } from "@/lib/policies/team";
import { requirePermission } from "@/lib/server/require-permission";

/** Makes a reset row for `userId` and its link (the token is returned once, stored hashed). */
export async function makePasswordResetLink(userId: string, createdById: string | null, requestOrigin?: string) {
  const { token, hash } = newOneTimeToken();
  const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
  const reset = await db.passwordReset.create({ data: { userId, tokenHash: hash, createdById, expiresAt }, select: { id: true } });
  return { id: reset.id, url: `${appBaseUrl(requestOrigin)}/reset/${token}`, expiresAt };
}

/**
 * POST /api/team/members/{membershipId}/password-reset: an admin gets a
 * one-time link that lets the member choose a new password (no admin ever
 * sees or sets one). Using it ends the member's sessions.
 *
 * A member who also belongs to a team this admin does not administer would
 * let the admin, by opening the link themselves, into that other team. So
 * for them the link is only e-mailed (when SMTP is set) and never shown;
 * without SMTP an operator makes it with the CLI.
 */
export async function createPasswordReset(user: CurrentUser, membershipId: string, requestOrigin?: string): Promise<OneTimeLinkDto> {
  requirePermission(user, "members.manage");
  const member = await db.membership.findFirst({
    where: { id: membershipId, teamId: user.teamId },
    select: { id: true, deactivatedAt: true, user: { select: { id: true, email: true } } },
  });
  if (!member) throw notFound("Member not found.");
  if (member.deactivatedAt) throw new AppError("CONFLICT", "This member is deactivated: reactivate them first.", { field: "status" });
  const elsewhere = await db.membership.count({
    where: {
      userId: member.user.id,
      teamId: { not: user.teamId },
      deactivatedAt: null,
      team: { memberships: { none: { userId: user.id, role: { in: [...MANAGER_ROLES] }, deactivatedAt: null } } },
    },
  });
  if (elsewhere > 0 && !mailEnabled()) {
    throw new AppError(
      "FORBIDDEN",
      "This member also belongs to another team, so the link cannot be shown to you. Set up e-mail (SMTP_URL), or ask an operator to run: npm run admin -- reset-password " +
        member.user.email,
    );
  }
  const link = await makePasswordResetLink(member.user.id, user.id, requestOrigin);
  await recordAuditEvent(db, {
    teamId: user.teamId,
    actorId: user.id,
    action: "member.password_reset",
    objectType: "membership",
    objectId: member.id,
    after: { userId: member.user.id, resetId: link.id, expiresAt: link.expiresAt },
  });
  const mail = await sendMail(passwordResetMessage({ to: member.user.email, url: link.url, expiresAt: link.expiresAt }));
  // Shown only when the admin may see it (see above); otherwise it went by e-mail alone.
  return { url: elsewhere > 0 ? "" : link.url, expiresAt: link.expiresAt.toISOString(), ...mail };
}
