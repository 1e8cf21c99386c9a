import type { EventBus, LiveEvent } from "./live-event";

/** Comment lines keep proxies and the browser from timing the stream out. */
export const HEARTBEAT_MS = 25_000;

/**
 * A server-sent-events response carrying the bus's events of one team. It
 * closes cleanly when the client goes away (`signal`) or the stream is
 * cancelled: the subscription and the heartbeat timer are released. When the
 * bus reports a gap (events may be lost) it closes too: EventSource
 * reconnects after `retry` and the page refetches everything on reconnect
 * (lib/queries/use-live-events.ts).
 */
export function eventStreamResponse(bus: EventBus, teamId: string, signal: AbortSignal, heartbeatMs = HEARTBEAT_MS): Response {
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
      const unsubscribe = bus.subscribe(
        (event: LiveEvent) => {
          if (event.team === teamId) send(`data: ${JSON.stringify(event)}\n\n`);
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
