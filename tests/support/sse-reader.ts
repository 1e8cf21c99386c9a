/**
 * Reads a server-sent-events body the way a test needs it: raw chunks, and
 * the next `data:` event parsed as a LiveEvent, each with a deadline.
 * Used for streams made in the test process and for /api/events over HTTP.
 */
import type { LiveEvent } from "@/lib/events/live-event";

export type SseReader = ReturnType<typeof sseReader>;

export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let seen = "";
  /** The next chunk appended to the buffer, or null when the stream ended. */
  const nextChunk = async (timeoutMs = 5000) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no SSE data within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const { value, done } = await Promise.race([reader.read(), deadline]);
      if (done) return null;
      const text = decoder.decode(value, { stream: true });
      buffer += text;
      seen += text;
      return buffer;
    } finally {
      clearTimeout(timer);
    }
  };
  /** The next `data:` event; anything before it (comments, retry) is skipped. */
  const nextEvent = async (timeoutMs = 5000): Promise<LiveEvent> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const at = buffer.indexOf("data: ");
      const end = at >= 0 ? buffer.indexOf("\n\n", at) : -1;
      if (end >= 0) {
        const line = buffer.slice(at + 6, end);
        buffer = buffer.slice(end + 2);
        return JSON.parse(line) as LiveEvent;
      }
      if ((await nextChunk(Math.max(1, until - Date.now()))) === null) throw new Error("stream closed");
    }
  };
  /**
   * The next event that is not a notification, with the notifications read on the way. A person's
   * notification (their annotation was decided, say) is published beside the event of the change,
   * in no fixed order.
   */
  const nextChange = async (timeoutMs = 5000): Promise<{ event: LiveEvent; notifications: LiveEvent[] }> => {
    const until = Date.now() + timeoutMs;
    const notifications: LiveEvent[] = [];
    for (;;) {
      const event = await nextEvent(Math.max(1, until - Date.now()));
      if (event.kind !== "notification") return { event, notifications };
      notifications.push(event);
    }
  };
  /** Everything the stream has sent so far. */
  const text = () => seen;
  const cancel = () => reader.cancel().catch(() => {});
  return { nextChunk, nextEvent, nextChange, text, cancel };
}
