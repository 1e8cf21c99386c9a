import { z } from "zod";

/** An event cursor (lib/events/event-log.ts): the log's epoch and an event's number in it. */
export const eventCursorSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]{1,32}\.\d{1,15}$/, "Not an event cursor.");

/** GET /api/events?after=<cursor>: the cursor the page was rendered at (a reconnect sends Last-Event-ID instead). */
export const eventsQuerySchema = z.object({ after: eventCursorSchema.optional() });
