import { withUser } from "@/lib/api/handler";
import { listNotifications } from "@/lib/server/notifications/list-notifications";

/** GET /api/notifications: the caller's latest notifications and unread count. */
export const GET = withUser(async ({ viewer }) => listNotifications(await viewer()));
