import { canReceiveEvent, type Visibility } from "@/lib/policies/visibility";
import { toWireEvent, type EventBus } from "./live-event";
import { eventLogOf, type LoggedEvent } from "./event-log";

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
 * reconnects after `retry`.
 *
 * Events come through this instance's event log (./event-log.ts), and each
 * sent event carries its cursor as the SSE `id`; the connect message and
 * every heartbeat carry the cursor of the last event judged, so EventSource
 * always holds the latest one and sends it back as `Last-Event-ID` when it
 * reconnects. Given a cursor (`after`: that header, or the one the page was
 * rendered with), the stream first replays what the viewer may hear of the
 * events logged since; when the log cannot tell (another instance's cursor,
 * a restart, a gap, or too old), it sends a `resync` event and the page
 * refetches what it shows, once (lib/queries/use-live-events.ts).
 */
export function eventStreamResponse(
  bus: EventBus,
  viewer: StreamViewer,
  signal: AbortSignal,
  heartbeatMs = HEARTBEAT_MS,
  after: string | null = null,
): Response {
  const encoder = new TextEncoder();
  const log = eventLogOf(bus);
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
      const enqueue = (step: () => Promise<void> | void) => {
        queue = queue.then(() => (open ? step() : undefined)).catch(() => cleanup());
      };
      /** The last event judged (sent or not): what a reconnect continues from. */
      let judged = 0;
      const deliver = async ({ seq, event }: LoggedEvent) => {
        judged = seq;
        if (event.team !== viewer.teamId) return;
        if (event.kind === "round") visibility = await viewer.reload();
        if (canReceiveEvent(visibility, event)) send(`id: ${log.cursorOf(seq)}\ndata: ${JSON.stringify(toWireEvent(event))}\n\n`);
      };
      // Subscribing and reading what was missed in one synchronous step: no event falls between them.
      const unsubscribe = log.subscribe(
        (entry) => enqueue(() => deliver(entry)),
        () => cleanup(),
      );
      const start = log.cursor();
      const missed = after ? log.since(after) : [];
      judged = Number(start.slice(start.lastIndexOf(".") + 1));
      // Tell EventSource how soon to reconnect, and flush the headers at once.
      if (missed === null) send(`retry: 3000\nevent: resync\ndata: {}\nid: ${start}\n\n: connected\n\n`);
      else if (missed.length === 0) send(`retry: 3000\nid: ${start}\n: connected\n\n`);
      else {
        send("retry: 3000\n: connected\n\n");
        for (const entry of missed) enqueue(() => deliver(entry));
      }
      const heartbeat = setInterval(() => enqueue(() => send(`id: ${log.cursorOf(judged)}\n: ping\n\n`)), heartbeatMs);
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
