import { readJson } from "@/lib/api/handler";
import { withAccount } from "@/lib/api/with-account";
import { notificationSettingsSchema } from "@/lib/schemas/notification";
import { getNotificationSettings, updateNotificationSettings } from "@/lib/server/notifications/notification-settings";

/** GET /api/account/notifications: one's e-mail choice (each, digest, none) in each team. */
export const GET = withAccount(({ account }) => getNotificationSettings(account));

/** PATCH /api/account/notifications { teamId, version, email }: the choice for one team. */
export const PATCH = withAccount(async ({ req, account }) =>
  updateNotificationSettings(account, await readJson(req, notificationSettingsSchema)),
);
