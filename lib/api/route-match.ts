/**
 * What the proxy (proxy.ts) answers for an API request before Next.js routes
 * it, from the table of routes and their methods (lib/api/route-methods.mjs):
 * the framework would answer a malformed `%` escape in the path with a
 * plain-text 500, a method the route file does not export with an empty 405,
 * and an unknown path with an HTML page. Pure, so it is unit-tested.
 */
import { decodeOrNull } from "@/lib/http/percent-escapes";

/** A route's URL pattern (`/api/claims/[claimId]`) and the methods its file exports. */
export type RouteEntry = { path: string; methods: string[] };

/** The verdict on one request: go on, or the JSON error to answer with. */
export type ApiPathVerdict =
  | { ok: true }
  | { ok: false; status: 400; error: string; field?: string }
  | { ok: false; status: 404; error: string }
  | { ok: false; status: 405; error: string; allow: string[] };

type Segment = { kind: "static"; value: string } | { kind: "param"; name: string } | { kind: "catchAll"; name: string; optional: boolean };

function parsePattern(path: string): Segment[] {
  return path
    .split("/")
    .filter(Boolean)
    .map((s): Segment => {
      const optional = /^\[\[\.\.\.(.+)\]\]$/.exec(s);
      if (optional) return { kind: "catchAll", name: optional[1]!, optional: true };
      const catchAll = /^\[\.\.\.(.+)\]$/.exec(s);
      if (catchAll) return { kind: "catchAll", name: catchAll[1]!, optional: false };
      const param = /^\[(.+)\]$/.exec(s);
      return param ? { kind: "param", name: param[1]! } : { kind: "static", value: s };
    });
}

/**
 * The param each request segment fills, or null when the pattern does not
 * fit. `same` compares a static segment with a request segment.
 */
function fit(pattern: Segment[], parts: string[], same: (a: string, b: string) => boolean): (string | null)[] | null {
  const names: (string | null)[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const seg = pattern[i]!;
    if (seg.kind === "catchAll") {
      const rest = parts.length - i;
      if (rest < (seg.optional ? 0 : 1)) return null;
      for (let j = 0; j < rest; j++) names.push(seg.name);
      return names;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (seg.kind === "static" && !same(seg.value, part)) return null;
    names.push(seg.kind === "param" ? seg.name : null);
  }
  return parts.length === pattern.length ? names : null;
}

/** Static segments outrank params, which outrank catch-alls, segment by segment (Next.js's own precedence). */
const rank = (pattern: Segment[]) => pattern.map((s) => (s.kind === "static" ? 0 : s.kind === "param" ? 1 : 2));
function moreSpecific(a: Segment[], b: Segment[]): number {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
    const d = (ra[i] ?? 3) - (rb[i] ?? 3);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The verdict for `method` on the raw (still percent-encoded) `pathname` of a
 * request under /api: a malformed escape is a 400 naming the route param it
 * sits in; a path no route serves, a 404; a method the route does not export,
 * a 405 with the methods it does (HEAD goes with GET; OPTIONS Next.js answers
 * itself).
 */
export function checkApiPath(routes: RouteEntry[], method: string, pathname: string): ApiPathVerdict {
  const raw = pathname.split("/").filter(Boolean);
  const decoded = raw.map(decodeOrNull);
  const patterns = routes.map((route) => ({ route, pattern: parsePattern(route.path) }));

  const bad = decoded.findIndex((d) => d === null);
  if (bad >= 0) {
    // Which param holds the bad escape: fit the raw segments (static segments are plain ASCII).
    const names = patterns.map((p) => fit(p.pattern, raw, (a, b) => a === b)).find(Boolean);
    const field = names?.[bad] ?? undefined;
    return {
      ok: false,
      status: 400,
      error: `${field ? `${field}: ` : ""}The address holds a malformed % escape.`,
      ...(field ? { field } : {}),
    };
  }

  const parts = decoded as string[];
  const matches = patterns.filter((p) => fit(p.pattern, parts, (a, b) => a === b)).sort((a, b) => moreSpecific(a.pattern, b.pattern));
  const best = matches[0]?.route;
  if (!best) return { ok: false, status: 404, error: "No such API endpoint." };
  const m = method.toUpperCase();
  if (m === "OPTIONS" || best.methods.includes(m) || (m === "HEAD" && best.methods.includes("GET"))) return { ok: true };
  return {
    ok: false,
    status: 405,
    error: `${m} is not allowed here; this endpoint takes ${best.methods.join(", ")}.`,
    allow: best.methods,
  };
}

/** Whether every `%` escape in a page path is well formed (the framework answers a malformed one with a plain-text 500). */
export const pathEscapesAreValid = (pathname: string): boolean => pathname.split("/").every((s) => decodeOrNull(s) !== null);
