import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import type { SignedInAccount } from "@/lib/auth/current-user";
import type { EmailChoice, NotificationSettingsDto, NotificationSettingsInput } from "@/lib/schemas/notification";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { mailEnabled } from "@/lib/server/mail/send-mail";

/** GET /api/account/notifications: the person's e-mail choice in each of their active teams. */
export async function getNotificationSettings(account: SignedInAccount): Promise<NotificationSettingsDto> {
  const rows = await db.membership.findMany({
    where: { userId: account.id, deactivatedAt: null },
    select: { teamId: true, emailNotifications: true, version: true, team: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return {
    mailEnabled: mailEnabled(),
    digestHourUtc: env().CLAIMDESK_DIGEST_HOUR,
    teams: rows.map((r) => ({ teamId: r.teamId, teamName: r.team.name, email: r.emailNotifications as EmailChoice, version: r.version })),
  };
}

/**
 * PATCH /api/account/notifications { teamId, version, email }: how the person
 * hears of their notifications in one of their teams. Stored on their
 * membership (a compare-and-set on its version: 409 with the settings as
 * they are now), audited in that team. Switching to the digest starts its
 * day now, so the first digest comes at the next digest hour, not at once.
 * A team they do not belong to is a 404.
 */
export async function updateNotificationSettings(
  account: SignedInAccount,
  input: NotificationSettingsInput,
): Promise<NotificationSettingsDto> {
  const member = await db.membership.findFirst({
    where: { userId: account.id, teamId: input.teamId, deactivatedAt: null },
    select: { id: true, emailNotifications: true, version: true },
  });
  if (!member) throw notFound("Team not found.");
  const stale = async () =>
    new AppError("CONFLICT", "Your membership changed in the meantime (say, a new role). Here are your settings as they are now.", {
      current: await getNotificationSettings(account),
    });
  if (member.version !== input.version) throw await stale();
  if (member.emailNotifications === input.email) return getNotificationSettings(account);
  const done = await db.$transaction(async (tx) => {
    const { count } = await tx.membership.updateMany({
      where: { id: member.id, version: input.version },
      data: {
        emailNotifications: input.email,
        version: { increment: 1 },
        ...(input.email === "digest" ? { digestSentAt: new Date() } : {}),
      },
    });
    if (count === 0) return false;
    // Waiting e-mails follow the new choice: those not sent yet go the new way, or nowhere.
    await tx.notification.updateMany({
      where: { userId: account.id, teamId: input.teamId, mailedAt: null, mailVia: { not: null } },
      data: { mailVia: input.email === "none" ? null : input.email },
    });
    await recordAuditEvent(tx, {
      teamId: input.teamId,
      actorId: account.id,
      action: "member.notifications",
      objectType: "membership",
      objectId: member.id,
      before: { emailNotifications: member.emailNotifications, version: input.version },
      after: { emailNotifications: input.email, version: input.version + 1 },
    });
    return true;
  });
  if (!done) throw await stale();
  return getNotificationSettings(account);
}
