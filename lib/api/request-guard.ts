/**
 * Cross-site request forgery checks for every request that can change
 * something (anything but GET, HEAD and OPTIONS).
 *
 * A browser lets any page send a "simple" cross-site request (a form post, a
 * `no-cors` fetch, `sendBeacon`) with the user's cookies: the page cannot read
 * the answer, but the server acts on it. Such a request can only carry a
 * form or text body, and browsers always say where it came from. So:
 * - the `Sec-Fetch-Site` header, when sent, must be `same-origin` ("same-site"
 *   is refused too: another port of the same host is the same site);
 * - the `Origin` header, when sent, must be the app's own origin (NEXTAUTH_URL,
 *   or the origin the request was addressed to);
 * - a body must be JSON (`application/json` or a `+json` type), which no
 *   simple request can send: a cross-site page would need CORS, which the app
 *   never grants.
 * A request with neither header comes from a non-browser client (curl, the
 * API tests), which no other site can drive with the user's cookies, so it may
 * pass, with a JSON body.
 */
import { AppError } from "@/lib/errors";
import { configuredOrigin } from "@/lib/http/app-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins a browser request may come from: the configured public one, and the one it was addressed to. */
function ownOrigins(req: Request): string[] {
  const origins = [configuredOrigin()];
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(req.url).protocol.replace(":", "");
  for (const host of [req.headers.get("host"), req.headers.get("x-forwarded-host")?.split(",")[0]?.trim()]) {
    if (host) origins.push(normalOrigin(`${proto}://${host}`));
  }
  return origins.filter((o): o is string => Boolean(o));
}

function normalOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** A 403 for a state-changing request from another site (Sec-Fetch-Site or Origin), or null when it may go on. */
export function crossSiteRefusal(req: Request): AppError | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return crossSite(`it came from ${site === "none" ? "outside any page" : `a ${site} page`}`);
  const origin = req.headers.get("origin");
  if (origin === null) return null;
  const normal = normalOrigin(origin);
  return normal && ownOrigins(req).includes(normal) ? null : crossSite(`it came from ${origin === "null" ? "an opaque origin" : origin}`);
}

const crossSite = (why: string) =>
  new AppError("FORBIDDEN", `Refused: a request that changes something must come from Claimdesk's own pages, and ${why}.`);

/** Whether a Content-Type names JSON: application/json, or a structured `+json` type such as application/ld+json. */
export function isJsonContentType(value: string | null): boolean {
  const type = value?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
}

/** Whether the request carries a body (a length above zero, or a chunked one). */
const hasBody = (req: Request) => Number(req.headers.get("content-length") ?? "0") > 0 || req.headers.has("transfer-encoding");

/** A 415 for a state-changing request whose body (or declared type) is not JSON, or null. A request with no body and no type passes. */
export function nonJsonRefusal(req: Request): AppError | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const type = req.headers.get("content-type");
  if (type === null ? !hasBody(req) : isJsonContentType(type)) return null;
  return new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `Send the request body as JSON (Content-Type: application/json), not ${type === null ? "an untyped body" : type.split(";")[0]!.trim()}.`,
  );
}

/** The checks withUser runs before anything else: cross-site first (403), then the body's type (415). */
export const requestRefusal = (req: Request): AppError | null => crossSiteRefusal(req) ?? nonJsonRefusal(req);
