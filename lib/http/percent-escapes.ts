/** Percent-escapes in text that came from a URL, without the URIError that decodeURIComponent throws on a malformed one. */

/** The decoded text, or null when an escape is malformed (`%ff`, `%E0%A4%A`, a lone `%`) or decodes to invalid UTF-8. */
export function decodeOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
