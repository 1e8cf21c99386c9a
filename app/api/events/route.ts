import { withUser } from "@/lib/api/handler";
import { eventBus } from "@/lib/events/event-bus";
import { eventStreamResponse } from "@/lib/events/event-stream";
import { limitStreams } from "@/lib/quotas/stream-slots";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/events: server-sent events of the caller's team (ids and versions only; clients refetch). At most CLAIMDESK_STREAMS_PER_USER per user (429). */
export const GET = withUser(({ req, user }) => limitStreams(user.id, req.signal, () => eventStreamResponse(eventBus(), user.teamId, req.signal)));
