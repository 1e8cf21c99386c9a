import { NextResponse, type NextRequest } from "next/server";
import { jsonResponse } from "@/lib/api/json-response";
import { checkApiPath, pathEscapesAreValid, type RouteEntry } from "@/lib/api/route-match";
import { newNonce, pageCsp } from "@/lib/http/content-security-policy";
import { API_CSP } from "@/lib/api/api-headers";

/** The API routes and their methods, read from the route files when the app was built (next.config.js). */
const API_ROUTES: RouteEntry[] = JSON.parse(process.env.CLAIMDESK_API_ROUTES || "[]");

/**
 * Runs before Next.js routes a request (see `config.matcher` for which):
 * - API paths: a malformed `%` escape (400), a path no route serves (404) or a
 *   method its route does not export (405) get a JSON `{ error, field? }`
 *   answer here, where the framework would answer in plain text or HTML;
 * - pages: a malformed escape is a 400 (not the framework's 500), and every
 *   page gets a Content-Security-Policy with a fresh nonce
 *   (lib/http/content-security-policy.ts).
 * Not a security boundary: every API route checks its caller itself
 * (lib/api/handler.ts). The static security headers come from next.config.js.
 */
export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    if (API_ROUTES.length === 0) return NextResponse.next();
    const verdict = checkApiPath(API_ROUTES, req.method, pathname);
    if (verdict.ok) return NextResponse.next();
    const { status, error } = verdict;
    const body = "field" in verdict && verdict.field ? { error, field: verdict.field } : { error };
    return jsonResponse(body, {
      status,
      headers: { "Content-Security-Policy": API_CSP, ...(verdict.status === 405 ? { Allow: verdict.allow.join(", ") } : {}) },
    });
  }
  if (!pathEscapesAreValid(pathname)) {
    return new NextResponse("Bad request: the address holds a malformed % escape.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const nonce = newNonce();
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https: process.env.NEXTAUTH_URL?.startsWith("https://") });
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

/**
 * Which requests the proxy sees. Each one costs about a millisecond of CPU,
 * and Next.js buffers the body of every request its proxy sees (up to
 * experimental.proxyClientMaxBodySize, 64 KB here; the rest is read and
 * dropped) before the route may read it. So:
 * - pages (for their CSP nonce), whatever the request, but the public
 *   fact-checks under /f/, which have no script and send their own policy
 *   (lib/api/public-route.ts): their server time is counted;
 * - API requests, except those the app's own client marks with
 *   `X-Claimdesk-Client` (lib/queries/api-client.ts: the hot path, which
 *   never uses an unknown path or method), and except large bodies (declared
 *   over 64 KB, or chunked) to the four routes that take them (article
 *   import, preview and correction, W3C import): those stream straight to the
 *   route, which caps them. A large body to any other route arrives cut short
 *   while its Content-Length says more, and readJson answers 413;
 * - any path holding a `%`, whoever sends it and whatever its body: the
 *   framework answers a malformed escape with a 500, and no honest id holds one.
 * Requests the proxy does not see still get next.config.js's headers and the
 * route's own checks; only an unexported method among them gets the
 * framework's empty 405.
 */
export const config = {
  matcher: [
    "/((?!api/|api$|f/|_next/static|_next/image|favicon.ico).*)",
    {
      source: "/api/((?!articles(?:/preview|/[^/]+/versions|/[^/]+/annotations/import)?/?$).*)",
      missing: [{ type: "header", key: "x-claimdesk-client" }],
    },
    {
      source: "/api/:path*",
      missing: [
        { type: "header", key: "x-claimdesk-client" },
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
    {
      source: "/api/:path*",
      missing: [{ type: "header", key: "x-claimdesk-client" }],
      has: [{ type: "header", key: "content-length", value: "(?:\\d{1,4}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d{2}|655[0-2]\\d|6553[0-6])" }],
    },
    "/(.*%.*)",
  ],
};
