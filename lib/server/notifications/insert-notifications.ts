import { newId } from "@/lib/db/new-id";
import type { Db } from "@/lib/db";
import type { NotificationKind } from "@/lib/schemas/notification";
import { publishEvent } from "@/lib/events/event-bus";
import { mailEnabled } from "@/lib/server/mail/send-mail";
import { kickMailDelivery } from "./mail-scheduler";

type Tx = Pick<Db, "notification" | "membership">;

/** One notification to make: for whom, what, about which article (blind review judges it by that) and where it links. */
export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  objectType: string;
  objectId: string;
  articleId: string | null;
  /** A mention's comment: the notification shows only while its thread is visible to the member. */
  commentId?: string | null;
  text: string;
  url: string | null;
};

/** What was made, for {@link announceNotifications} after the commit. */
export type NotificationBatch = { teamId: string; userIds: string[]; ids: string[]; mail: boolean };

/** The longest notification text kept (texts quote claims and titles). */
const MAX_TEXT = 500;
const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/**
 * Writes notifications inside the caller's transaction, so they exist exactly
 * when the change they tell of does. Nobody is told of their own act, nor
 * twice of one thing; deactivated members and non-members get nothing. Each
 * row records whether it is to be e-mailed (`mailVia`), from the member's
 * choice (each, digest or none) when SMTP_URL is set: mail-scheduler.ts
 * sends it, once blind review lets the member see it.
 */
export async function insertNotifications(
  tx: Tx,
  teamId: string,
  actorId: string | null,
  items: readonly NewNotification[],
): Promise<NotificationBatch> {
  const seen = new Set<string>();
  const wanted = items.filter((n) => {
    const key = `${n.userId} ${n.kind} ${n.objectId}`;
    if (n.userId === actorId || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (wanted.length === 0) return { teamId, userIds: [], ids: [], mail: false };
  const members = await tx.membership.findMany({
    where: { teamId, userId: { in: [...new Set(wanted.map((n) => n.userId))] }, deactivatedAt: null },
    select: { userId: true, emailNotifications: true },
  });
  const choice = new Map(members.map((m) => [m.userId, m.emailNotifications as string]));
  const mail = mailEnabled();
  const rows = wanted
    .filter((n) => choice.has(n.userId))
    .map((n) => ({
      id: newId(),
      teamId,
      userId: n.userId,
      kind: n.kind,
      objectType: n.objectType,
      objectId: n.objectId,
      articleId: n.articleId,
      commentId: n.commentId ?? null,
      text: clip(n.text),
      url: n.url,
      mailVia: mail && choice.get(n.userId) !== "none" ? choice.get(n.userId)! : null,
    }));
  if (rows.length) await tx.notification.createMany({ data: rows });
  return {
    teamId,
    userIds: [...new Set(rows.map((r) => r.userId))],
    ids: rows.map((r) => r.id),
    mail: rows.some((r) => r.mailVia === "each"),
  };
}

/**
 * After the commit: tells the recipients' open pages to refetch their
 * notifications (a content-free live event for them alone) and wakes the
 * e-mail delivery when something is to be mailed at once.
 */
export function announceNotifications(...batches: (NotificationBatch | null | undefined)[]): void {
  for (const b of batches) {
    if (!b || b.ids.length === 0) continue;
    publishEvent({ team: b.teamId, article: null, kind: "notification", id: b.ids[0]!, version: null, audience: b.userIds });
    if (b.mail) kickMailDelivery();
  }
}
