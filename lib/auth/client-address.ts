/**
 * The client address sign-in throttling may trust. Only behind a proxy that
 * sets X-Forwarded-For (`TRUST_PROXY=1`): otherwise the header is whatever
 * the client sent (Next.js fills it from the socket only when it is absent),
 * so a guesser could name a fresh address on every try, or the owner's.
 * Behind the proxy the last entry is the one it appended (nginx's
 * `$proxy_add_x_forwarded_for`, or a single `$remote_addr`); entries before it
 * came from the client and are ignored.
 */
export function trustedClientAddress(headers: Headers | Record<string, unknown> | undefined): string | null {
  if (process.env.TRUST_PROXY !== "1" || !headers) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (typeof value !== "string") return null;
  const last = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
  // An address is short and printable; anything else is not one a proxy wrote.
  return last && last.length <= 64 && /^[0-9A-Za-z.:_%[\]-]+$/.test(last) ? last : null;
}
