import { db } from "@/lib/db";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { NotificationsDto } from "@/lib/schemas/comment";
import { listNotifications } from "./list-notifications";

/** POST /api/notifications/read: marks the given (or all) unread notifications of the caller read. Ids of others are ignored. */
export async function markNotificationsRead(user: Viewer, ids?: string[]): Promise<NotificationsDto> {
  await db.notification.updateMany({
    where: { userId: user.id, teamId: user.teamId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return listNotifications(user);
}
