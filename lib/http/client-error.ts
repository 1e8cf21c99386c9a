/**
 * A JSON answer for the requests Node's HTTP parser refuses before any
 * framework sees them (headers too large: 431; a malformed request line or
 * header: 400). Node's default answer has no body. `next start` offers no
 * hook for this; a server of our own around Next.js installs it with
 * `server.on("clientError", answerClientError)`.
 */
import type { Duplex } from "node:stream";

const ANSWERS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "The request's headers are too large."],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, "Payload Too Large", "The request's chunk extensions are too large."],
};

/** Writes a JSON `{ error }` response for a parser error and closes the connection (a plain close when a response was already started). */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] = ANSWERS[err.code ?? ""] ?? [400, "Bad Request", "The request is malformed."];
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
