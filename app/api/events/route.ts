import { readQuery, withUser } from "@/lib/api/handler";
import { eventBus } from "@/lib/events/event-bus";
import { eventStreamResponse, HEARTBEAT_MS } from "@/lib/events/event-stream";
import { limitStreams } from "@/lib/quotas/stream-slots";
import { eventCursorSchema, eventsQuerySchema } from "@/lib/schemas/events";
import { loadVisibility } from "@/lib/server/visibility/viewer";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/events: server-sent events of the caller's team, as far as blind review lets them hear (ids, versions
 * and a few flags; clients read what changed). From `?after=` (the page's render) or Last-Event-ID (a reconnect),
 * what was missed first, or `resync`. At most CLAIMDESK_STREAMS_PER_USER per user (429).
 */
export const GET = withUser(async ({ req, user }) => {
  const { after } = readQuery(req, eventsQuerySchema);
  // EventSource sends the last cursor it got when it reconnects; one it cannot have sent means "start over".
  const lastEventId = req.headers.get("last-event-id");
  const from = lastEventId !== null ? (eventCursorSchema.safeParse(lastEventId).data ?? "unknown.0") : (after ?? null);
  const visibility = await loadVisibility(user);
  return limitStreams(user.id, req.signal, () =>
    eventStreamResponse(
      eventBus(),
      { teamId: user.teamId, visibility, reload: () => loadVisibility(user) },
      req.signal,
      HEARTBEAT_MS,
      from,
    ),
  );
});
