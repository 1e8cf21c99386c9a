import { readJson, withUser } from "@/lib/api/handler";
import { markReadSchema } from "@/lib/schemas/notification";
import { markNotificationsRead } from "@/lib/server/notifications/mark-notifications-read";

/** POST /api/notifications/read { ids? }: marks notifications read. */
export const POST = withUser(async ({ req, viewer }) => markNotificationsRead(await viewer(), (await readJson(req, markReadSchema)).ids));
