import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { NotificationDto, NotificationKind, NotificationsDto, NotificationsQuery } from "@/lib/schemas/notification";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleNotificationWhere } from "@/lib/server/visibility/visible-where";

const select = { id: true, kind: true, text: true, url: true, readAt: true, createdAt: true } as const;

/** A notification row as the API returns it. */
export const toNotificationDto = (n: {
  id: string;
  kind: string;
  text: string;
  url: string | null;
  readAt: Date | null;
  createdAt: Date;
}): NotificationDto => ({
  ...n,
  kind: n.kind as NotificationKind,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

/**
 * GET /api/notifications: the caller's notifications in this team, newest
 * first, a page at a time (`before`, the cursor the previous page gave), all
 * or unread only, and how many are unread. Blind review: what the caller may
 * not see yet (a decision or a mention on an article they review blind, a
 * mention in a hidden thread) is neither listed nor counted until it opens.
 */
export async function listNotifications(user: Viewer, query: Partial<NotificationsQuery> = {}): Promise<NotificationsDto> {
  const limit = query.limit ?? 20;
  const visible = visibleNotificationWhere(user.visibility);
  const page = [visible, ...(query.unread ? [{ readAt: null }] : []), ...(query.before ? [olderThan(query.before)] : [])];
  const [rows, unread] = await Promise.all([
    db.notification.findMany({ where: { AND: page }, select, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1 }),
    db.notification.count({ where: { AND: [visible, { readAt: null }] } }),
  ]);
  const items = rows.slice(0, limit).map(toNotificationDto);
  const last = rows.length > limit ? items[items.length - 1] : undefined;
  return { unread, items, nextCursor: last ? `${last.createdAt}|${last.id}` : null };
}

/** Rows after the cursor `<ISO time>|<id>` in newest-first order. */
function olderThan(cursor: string) {
  const [at, id] = cursor.split("|") as [string, string];
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime())) throw new AppError("INVALID_INPUT", "Not a cursor this list gave.", { field: "before" });
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}
