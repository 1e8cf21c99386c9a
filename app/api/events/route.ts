import { withUser } from "@/lib/api/handler";
import { eventBus } from "@/lib/events/event-bus";
import { eventStreamResponse } from "@/lib/events/event-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/events: server-sent events of the caller's team (ids and versions only; clients refetch). */
export const GET = withUser(({ req, user }) => eventStreamResponse(eventBus(), user.teamId, req.signal));
