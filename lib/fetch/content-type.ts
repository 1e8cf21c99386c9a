/**
 * The parts of a Content-Type header an import needs: the media type and
 * the charset. Parsed with MIMEType from node:util, which follows the
 * WHATWG MIME Sniffing standard.
 */
import { MIMEType } from "node:util";

/** Media types an import by URL reads: HTML, XHTML and plain text. */
const READABLE = new Set(["text/html", "application/xhtml+xml", "text/plain"]);

function parse(contentType: string): MIMEType | null {
  try {
    return new MIMEType(contentType);
  } catch {
    return null;
  }
}

/** The essence ("text/html") of a Content-Type, or null when it does not parse. */
export function mediaTypeOf(contentType: string): string | null {
  return parse(contentType)?.essence ?? null;
}

/** The charset parameter of a Content-Type, or null. */
export function charsetOf(contentType: string): string | null {
  return parse(contentType)?.params.get("charset") ?? null;
}

/** Whether an import by URL can read this Content-Type. */
export function isReadable(contentType: string): boolean {
  const essence = mediaTypeOf(contentType);
  return essence !== null && READABLE.has(essence);
}

/** Plain text rather than HTML. */
export function isPlainText(contentType: string): boolean {
  return mediaTypeOf(contentType) === "text/plain";
}
