/**
 * The wrapper of the public routes under /f: published fact-checks,
 * their texts, the team index, the feeds and the stylesheet, served to anyone
 * without sign-in. Unlike withUser it reads no session and no body (GET only),
 * and answers in the format a browser or feed reader expects:
 * - a strict Content-Security-Policy of its own: no script may run (the
 *   pages have none; JSON-LD is a data block), styles from the app only,
 *   images from the web (a publisher's logo);
 * - an ETag with `Cache-Control: no-cache`, so caches keep the bytes but ask
 *   again each time (a retraction shows at once) and a repeat costs a 304;
 * - a 404 page for any address that serves nothing (unknown team, article,
 *   withdrawn text, malformed slug), saying nothing of what exists; any
 *   other failure a bare 500 with no detail.
 * The proxy does not see these paths (proxy.ts), so they carry their own headers.
 */
import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { PUBLIC_CSS_PATH } from "@/lib/publish/public-urls";
import { PUBLIC_CSS_VERSION } from "@/lib/publish/public-css";

export const PUBLIC_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** What a public route answers: the body, its media type and, for fixed assets, a longer cache rule. */
export type PublicBody = { body: string; type: string; cache?: string };

type RouteContext<P> = { params: Promise<P> };

/** Wraps a public GET handler. */
export function publicRoute<P = Record<string, string>>(
  handler: (args: { req: NextRequest; params: P }) => Promise<PublicBody> | PublicBody,
) {
  return async (req: NextRequest, ctx: RouteContext<P>): Promise<Response> => {
    const t0 = performance.now();
    try {
      const out = await handler({ req, params: await ctx.params });
      const etag = `"${createHash("sha256").update(out.body).digest("base64url").slice(0, 27)}"`;
      const headers = new Headers({
        "Content-Type": out.type,
        "Content-Security-Policy": PUBLIC_CSP,
        "Cache-Control": out.cache ?? "public, no-cache",
        ETag: etag,
        "Server-Timing": `handler;dur=${(performance.now() - t0).toFixed(2)}`,
      });
      if (
        req.headers
          .get("if-none-match")
          ?.split(/\s*,\s*/)
          .includes(etag)
      )
        return new Response(null, { status: 304, headers });
      return new Response(out.body, { status: 200, headers });
    } catch (error) {
      const status = error instanceof AppError && error.status < 500 ? 404 : 500;
      if (status === 500) console.error("Unhandled public page error", error);
      return new Response(status === 404 ? NOT_FOUND_PAGE : "Something went wrong on our side. Try again later.\n", {
        status,
        headers: {
          "Content-Type": status === 404 ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
          "Content-Security-Policy": PUBLIC_CSP,
          "Cache-Control": "no-store",
        },
      });
    }
  };
}

/** The public pages' 404: their stylesheet and frame, and nothing of which teams or fact-checks exist. */
const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Not found</title>
<link rel="stylesheet" href="${PUBLIC_CSS_PATH}?v=${PUBLIC_CSS_VERSION}"></head>
<body>
<header class="site"><div class="site-inner"><span class="site-name">Fact-checks</span></div></header>
<main id="main"><article class="factcheck"><p class="kicker">404</p><h1>Not found</h1><p>No published fact-check at this address. It may have moved, or the link may be mistyped.</p></article></main>
<footer class="site-footer"><p>Published with Claimdesk.</p></footer>
</body></html>
`;
