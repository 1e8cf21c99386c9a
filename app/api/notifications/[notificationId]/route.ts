import { readJson, withUser } from "@/lib/api/handler";
import { notificationReadSchema } from "@/lib/schemas/notification";
import { setNotificationRead } from "@/lib/server/notifications/mark-notifications-read";

/** PATCH /api/notifications/{notificationId} { read }: one notification read, or unread again. */
export const PATCH = withUser<{ notificationId: string }>(async ({ req, viewer, params }) =>
  setNotificationRead(await viewer(), params.notificationId, (await readJson(req, notificationReadSchema)).read),
);
