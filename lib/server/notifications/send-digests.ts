import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { appBaseUrl } from "@/lib/server/team/app-url";
import { mailEnabled, sendMail } from "@/lib/server/mail/send-mail";
import { digestMessage } from "@/lib/server/mail/notification-messages";
import { loadVisibility } from "@/lib/server/visibility/viewer";
import { visibleNotificationWhere } from "@/lib/server/visibility/visible-where";
import { MAIL_WINDOW_MS } from "./deliver-mail";

/** The most notifications one digest lists; the rest wait for the next. */
const MAX_ITEMS = 200;

/** The latest digest time at or before `now`: today's CLAIMDESK_DIGEST_HOUR:00 UTC, or yesterday's. */
export function lastDigestTime(now: Date, hourUtc = env().CLAIMDESK_DIGEST_HOUR): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc);
  return new Date(today <= now.getTime() ? today : today - 24 * 3_600_000);
}

/**
 * Sends the daily digests that are due: one e-mail per member who chose the
 * digest and has notifications waiting, at most once a day (after
 * CLAIMDESK_DIGEST_HOUR, UTC). Safe with several instances: a member's
 * digest is claimed by a compare-and-set on `Membership.digestSentAt` (one
 * UPDATE whose WHERE says "not sent since the digest time"), so exactly one
 * instance sends it; a failed send gives the claim back. Blind review
 * decides at send time: what the member may not see yet waits for a later digest.
 */
export async function sendDueDigests(now = new Date()): Promise<{ sent: number }> {
  if (!mailEnabled()) return { sent: 0 };
  const due = lastDigestTime(now);
  const since = new Date(now.getTime() - MAIL_WINDOW_MS);
  const waiting = await db.notification.groupBy({
    by: ["teamId", "userId"],
    where: { mailVia: "digest", mailedAt: null, createdAt: { gte: since } },
  });
  let sent = 0;
  for (const { teamId, userId } of waiting) {
    const member = await db.membership.findUnique({
      where: { teamId_userId: { teamId, userId } },
      select: { role: true, digestSentAt: true, user: { select: { email: true } }, team: { select: { name: true } } },
    });
    if (!member) continue;
    const claim = await db.membership.updateMany({
      where: {
        teamId,
        userId,
        deactivatedAt: null,
        emailNotifications: "digest",
        OR: [{ digestSentAt: null }, { digestSentAt: { lt: due } }],
      },
      data: { digestSentAt: now },
    });
    if (claim.count === 0) continue;
    const visibility = await loadVisibility({ id: userId, teamId, role: member.role });
    const items = await db.notification.findMany({
      where: {
        AND: [{ teamId, userId, mailVia: "digest", mailedAt: null, createdAt: { gte: since } }, visibleNotificationWhere(visibility)],
      },
      select: { id: true, text: true, url: true, createdAt: true },
      orderBy: { createdAt: "asc" },
      take: MAX_ITEMS,
    });
    if (items.length === 0) continue;
    const mail = await sendMail(digestMessage({ to: member.user.email, teamName: member.team.name, baseUrl: appBaseUrl(), items }));
    if (!mail.emailed) {
      // Give the day's claim back, so a later pass (here or elsewhere) tries again.
      await db.membership.updateMany({ where: { teamId, userId, digestSentAt: now }, data: { digestSentAt: member.digestSentAt } });
      continue;
    }
    await db.notification.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { mailedAt: new Date() } });
    sent++;
  }
  return { sent };
}
