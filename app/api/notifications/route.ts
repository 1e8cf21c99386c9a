import { readQuery, withUser } from "@/lib/api/handler";
import { notificationsQuerySchema } from "@/lib/schemas/notification";
import { listNotifications } from "@/lib/server/notifications/list-notifications";

/** GET /api/notifications[?before=…][&unread=1][&limit=N]: the caller's notifications, newest first, and the unread count. */
export const GET = withUser(async ({ req, viewer }) => listNotifications(await viewer(), readQuery(req, notificationsQuerySchema)));
