import { z } from "zod";

/**
 * What a notification tells (lib/server/notifications/): assigned to a round,
 * a co-reviewer submitted (to the round's editors), the round was revealed,
 * your annotation was decided, you were mentioned, a correction changed a claim you made.
 */
export const NOTIFICATION_KINDS = ["assignment", "submitted", "revealed", "decided", "mention", "corrected"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assignment: "Assigned",
  submitted: "Review submitted",
  revealed: "Round revealed",
  decided: "Decided",
  mention: "Mentioned",
  corrected: "Changed by a correction",
};

const id = z.string().min(1).max(64);

/** `before`: the cursor of the page's last item (`<ISO time>|<id>`), as `nextCursor` gave it. */
const cursor = z
  .string()
  .max(120)
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z\|[^|]{1,64}$/, "Not a cursor this list gave.");

/** GET /api/notifications[?before=…][&unread=1][&limit=N] */
export const notificationsQuerySchema = z.object({
  before: cursor.optional(),
  unread: z.enum(["1"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationsQuery = z.infer<typeof notificationsQuerySchema>;

/** POST /api/notifications/read: the ids to mark read, or every unread one when omitted. */
export const markReadSchema = z.object({ ids: z.array(id).max(200).optional() });

/** PATCH /api/notifications/{id}: read or unread again. */
export const notificationReadSchema = z.object({ read: z.boolean() });

export type NotificationDto = {
  id: string;
  kind: NotificationKind;
  text: string;
  url: string | null;
  readAt: string | null;
  createdAt: string;
};
/** A page of the caller's notifications (newest first), the unread count, and the cursor of the next page. */
export type NotificationsDto = { unread: number; items: NotificationDto[]; nextCursor: string | null };

/** How a member hears of notifications by e-mail: each as it happens, a daily digest, or none. */
export const EMAIL_CHOICES = ["each", "digest", "none"] as const;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];
export const EMAIL_CHOICE_LABELS: Record<EmailChoice, string> = {
  each: "Each one as it happens",
  digest: "A daily digest",
  none: "No e-mail",
};

/** PATCH /api/account/notifications: the choice for one team, with the membership version read. */
export const notificationSettingsSchema = z.object({ teamId: id, version: z.number().int().min(1), email: z.enum(EMAIL_CHOICES) });
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;

export type NotificationSettingsDto = {
  /** False when the server has no SMTP_URL: nothing is e-mailed, whatever the choice. */
  mailEnabled: boolean;
  /** The hour (UTC) daily digests go out. */
  digestHourUtc: number;
  teams: { teamId: string; teamName: string; email: EmailChoice; version: number }[];
};
