/**
 * Where a sign-in may send the user afterwards: only a path of this app.
 * `callbackUrl` comes from the address bar, so it is hostile input: browsers
 * read `/\host` and `//host` as another site, and drop tabs and line breaks
 * before parsing (`/<TAB>/host` is `//host`). Rather than list the tricks,
 * refuse backslashes and control characters outright, resolve what is left
 * with the URL parser against the app's origin, and keep it only if it stays
 * there and its path cannot itself be read as a host.
 */

/** Where a sign-in goes when its callbackUrl is missing or refused. */
export const DEFAULT_CALLBACK = "/articles";

/** A path of this app (`/articles/x?tab=y#z`) for `raw`, or `fallback` when `raw` could lead anywhere else. */
export function safeCallbackPath(raw: unknown, appOrigin: string, fallback = DEFAULT_CALLBACK): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  // C0 controls, DEL and the C1 range (U+0080-U+009F), and backslashes: never in a path we make.
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(raw)) return fallback;
  const origin = new URL(appOrigin).origin;
  // A relative form must be an absolute path; an absolute URL must name this origin.
  if (!raw.startsWith("/") && !raw.toLowerCase().startsWith(`${origin.toLowerCase()}/`) && raw.toLowerCase() !== origin.toLowerCase())
    return fallback;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//host` normalizes to `//host`, which a browser would read as a host.
  return path.startsWith("//") ? fallback : path;
}
