import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { NotificationsDto } from "@/lib/schemas/comment";

/** GET /api/notifications: the caller's latest notifications in this team, and how many are unread. */
export async function listNotifications(user: CurrentUser): Promise<NotificationsDto> {
  const where = { userId: user.id, teamId: user.teamId };
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where,
      select: { id: true, kind: true, text: true, url: true, readAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return { unread, items: items.map((n) => ({ ...n, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })) };
}
