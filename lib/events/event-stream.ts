import { canReceiveEvent, type Visibility } from "@/lib/policies/visibility";
import { toWireEvent, type EventBus, type LiveEvent } from "./live-event";

/** Comment lines keep proxies and the browser from timing the stream out. */
export const HEARTBEAT_MS = 25_000;

/**
 * Who a stream is for: their team, what blind review lets them see, and how
 * to read that again (a round that starts or is revealed changes it).
 */
export type StreamViewer = { teamId: string; visibility: Visibility; reload: () => Promise<Visibility> };

/**
 * A server-sent-events response carrying the bus's events of one team, as
 * far as blind review lets the viewer hear of them (canReceiveEvent in
 * lib/policies/visibility.ts). The viewer's visibility is read again on
 * every `round` event, before any later event is judged: events are handled
 * one at a time, in bus order. It closes cleanly when the client goes away
 * (`signal`) or the stream is cancelled: the subscription and the heartbeat
 * timer are released. When the bus reports a gap (events may be lost), or
 * the visibility cannot be read again, it closes too: EventSource
 * reconnects after `retry` and the page refetches everything on reconnect
 * (lib/queries/use-live-events.ts).
 */
export function eventStreamResponse(bus: EventBus, viewer: StreamViewer, signal: AbortSignal, heartbeatMs = HEARTBEAT_MS): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (chunk: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      let visibility = viewer.visibility;
      let queue = Promise.resolve();
      const deliver = async (event: LiveEvent) => {
        if (event.kind === "round") visibility = await viewer.reload();
        if (canReceiveEvent(visibility, event)) send(`data: ${JSON.stringify(toWireEvent(event))}\n\n`);
      };
      const unsubscribe = bus.subscribe(
        (event: LiveEvent) => {
          if (event.team !== viewer.teamId) return;
          queue = queue.then(() => (open ? deliver(event) : undefined)).catch(() => cleanup());
        },
        () => cleanup(),
      );
      const heartbeat = setInterval(() => send(": ping\n\n"), heartbeatMs);
      cleanup = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // Already closed by the runtime.
        }
      };
      signal.addEventListener("abort", cleanup);
      // Tell EventSource how soon to reconnect, and flush the headers at once.
      send("retry: 3000\n: connected\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
