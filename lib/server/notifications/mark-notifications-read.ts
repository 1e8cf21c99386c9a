import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { NotificationDto, NotificationsDto } from "@/lib/schemas/notification";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleNotificationWhere } from "@/lib/server/visibility/visible-where";
import { listNotifications, toNotificationDto } from "./list-notifications";

/**
 * POST /api/notifications/read: marks the given (or all) unread notifications
 * of the caller read, and answers the first page. Ids of others are ignored;
 * "all" means all the caller can see, so what blind review still hides is
 * unread when it opens.
 */
export async function markNotificationsRead(user: Viewer, ids?: string[]): Promise<NotificationsDto> {
  await db.notification.updateMany({
    where: { AND: [visibleNotificationWhere(user.visibility), { readAt: null }, ...(ids ? [{ id: { in: ids } }] : [])] },
    data: { readAt: new Date() },
  });
  return listNotifications(user);
}

/**
 * PATCH /api/notifications/{id} { read }: one notification read, or unread
 * again. Another member's (or one blind review hides) is a 404. Marking is a
 * plain set, the same whoever does it twice, so it needs no version.
 */
export async function setNotificationRead(user: Viewer, id: string, read: boolean): Promise<NotificationDto> {
  const where = { AND: [visibleNotificationWhere(user.visibility), { id }] };
  await db.notification.updateMany({
    where: read ? { AND: [...where.AND, { readAt: null }] } : where,
    data: { readAt: read ? new Date() : null },
  });
  const row = await db.notification.findFirst({
    where,
    select: { id: true, kind: true, text: true, url: true, readAt: true, createdAt: true },
  });
  if (!row) throw notFound("Notification not found.");
  return toNotificationDto(row);
}
