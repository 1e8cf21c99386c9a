import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { appBaseUrl } from "@/lib/server/team/app-url";
import { mailEnabled, sendMail } from "@/lib/server/mail/send-mail";
import { notificationMessage } from "@/lib/server/mail/notification-messages";
import { loadVisibility } from "@/lib/server/visibility/viewer";
import { visibleNotificationWhere } from "@/lib/server/visibility/visible-where";

/** Notifications older than this are no longer e-mailed (say, a mention whose thread stayed hidden all week). */
export const MAIL_WINDOW_MS = 7 * 24 * 3_600_000;
/** A claim older than this was left by an instance that stopped mid-send: another may take the row over. */
const CLAIM_TTL_MS = 10 * 60_000;
/** A notification blind review hides from its member is looked at again after this long (or at once after a reveal). */
const RECHECK_MS = 60_000;
/** Failed sends before a notification is given up. */
const MAX_ATTEMPTS = 5;
const BATCH = 50;
/** The claim a row waiting for blind review carries: no instance is sending it. */
const WAITING = "wait";

export type DeliveryResult = { sent: number; waiting: number; failed: number };

/**
 * Sends the notifications to be e-mailed one by one (`mailVia = each`),
 * safely with several app instances on one database: a row is claimed with
 * one conditional UPDATE (its claim empty, or left by a stopped instance),
 * so of two instances exactly one gets it and each e-mail goes out once.
 * Blind review decides at send time, with the member's visibility now: a
 * notification they may not see yet (a mention in a hidden thread, a
 * decision on an article they review blind) waits and is looked at again,
 * until {@link MAIL_WINDOW_MS} has passed. A member who has since chosen the
 * digest or no e-mail gets it that way. A failed send is retried on later
 * passes, up to {@link MAX_ATTEMPTS}.
 */
export async function deliverEachMail(now = new Date(), opts: { recheckWaiting?: boolean } = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, waiting: 0, failed: 0 };
  if (!mailEnabled()) return result;
  const since = new Date(now.getTime() - MAIL_WINDOW_MS);
  const takeable = [
    { mailClaimedAt: null },
    { mailClaim: WAITING, mailClaimedAt: { lt: opts.recheckWaiting ? new Date(now.getTime() + 1) : new Date(now.getTime() - RECHECK_MS) } },
    { mailClaimedAt: { lt: new Date(now.getTime() - CLAIM_TTL_MS) } },
  ];
  // Too old to send: given up, so no pass looks at them again.
  await db.notification.updateMany({
    where: { mailVia: "each", mailedAt: null, createdAt: { lt: since } },
    data: { mailedAt: now, mailClaim: null },
  });
  const candidates = await db.notification.findMany({
    where: { mailVia: "each", mailedAt: null, createdAt: { gte: since }, OR: takeable },
    select: { id: true },
    orderBy: [{ mailClaimedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    take: BATCH,
  });
  if (candidates.length === 0) return result;
  const token = randomUUID();
  await db.notification.updateMany({
    where: { id: { in: candidates.map((c) => c.id) }, mailVia: "each", mailedAt: null, OR: takeable },
    data: { mailClaim: token, mailClaimedAt: now },
  });
  const claimed = await db.notification.findMany({
    where: { mailClaim: token },
    select: {
      id: true,
      userId: true,
      teamId: true,
      text: true,
      url: true,
      createdAt: true,
      mailAttempts: true,
      user: { select: { email: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  for (const rows of groupByMember(claimed)) {
    const { teamId, userId, user } = rows[0]!;
    const member = await db.membership.findUnique({
      where: { teamId_userId: { teamId, userId } },
      select: { role: true, deactivatedAt: true, emailNotifications: true, team: { select: { name: true } } },
    });
    const ids = rows.map((r) => r.id);
    if (!member || member.deactivatedAt || member.emailNotifications !== "each") {
      // Their choice changed since: the digest takes these, or nothing does.
      const via = member && !member.deactivatedAt && member.emailNotifications === "digest" ? "digest" : null;
      await db.notification.updateMany({
        where: { id: { in: ids }, mailClaim: token },
        data: { mailVia: via, mailClaim: null, mailClaimedAt: null },
      });
      continue;
    }
    const visibility = await loadVisibility({ id: userId, teamId, role: member.role });
    const visible = new Set(
      (
        await db.notification.findMany({
          where: { AND: [{ id: { in: ids } }, visibleNotificationWhere(visibility)] },
          select: { id: true },
        })
      ).map((r) => r.id),
    );
    const hidden = ids.filter((id) => !visible.has(id));
    if (hidden.length) {
      await db.notification.updateMany({
        where: { id: { in: hidden }, mailClaim: token },
        data: { mailClaim: WAITING, mailClaimedAt: now },
      });
      result.waiting += hidden.length;
    }
    for (const n of rows.filter((r) => visible.has(r.id))) {
      const sent = await sendMail(notificationMessage({ to: user.email, teamName: member.team.name, baseUrl: appBaseUrl(), n }));
      if (sent.emailed) {
        await db.notification.updateMany({ where: { id: n.id, mailClaim: token }, data: { mailedAt: new Date(), mailClaim: null } });
        result.sent++;
      } else {
        const attempts = n.mailAttempts + 1;
        await db.notification.updateMany({
          where: { id: n.id, mailClaim: token },
          data: {
            mailAttempts: attempts,
            mailClaim: null,
            mailClaimedAt: null,
            ...(attempts >= MAX_ATTEMPTS ? { mailedAt: new Date() } : {}),
          },
        });
        result.failed++;
      }
    }
  }
  return result;
}

/** Rows grouped by member (team and user), in first-seen order. */
export function groupByMember<T extends { teamId: string; userId: string }>(rows: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const key = `${r.teamId} ${r.userId}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}
