import { withUser } from "@/lib/api/handler";
import { eventBus } from "@/lib/events/event-bus";
import { eventStreamResponse } from "@/lib/events/event-stream";
import { limitStreams } from "@/lib/quotas/stream-slots";
import { loadVisibility } from "@/lib/server/visibility/viewer";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/events: server-sent events of the caller's team, as far as blind review lets them hear (ids and versions only; clients refetch). At most CLAIMDESK_STREAMS_PER_USER per user (429). */
export const GET = withUser(async ({ req, user }) => {
  const visibility = await loadVisibility(user);
  return limitStreams(user.id, req.signal, () => eventStreamResponse(eventBus(), { teamId: user.teamId, visibility, reload: () => loadVisibility(user) }, req.signal));
});
