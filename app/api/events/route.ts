import { withUser } from "@/lib/api/handler";
import { eventBus } from "@/lib/events/event-bus";
import { eventStreamResponse } from "@/lib/events/event-stream";
import { loadVisibility } from "@/lib/server/visibility/viewer";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/events: server-sent events of the caller's team, as far as blind review lets them hear (ids and versions only; clients refetch). */
export const GET = withUser(async ({ req, user }) =>
  eventStreamResponse(eventBus(), { teamId: user.teamId, visibility: await loadVisibility(user), reload: () => loadVisibility(user) }, req.signal),
);
