import { NextResponse } from "next/server";

/**
 * Every JSON answer of the app's routes (ESLint keeps `Response.json` and
 * `NextResponse.json` out of app/ and lib/): it builds the answer once, where
 * `NextResponse.json` makes a Response and then a second one around its body
 * (about 8 µs of every answer).
 *
 * Small answers are still gzipped. Next streams a route's answer without a
 * Content-Length, so its compression middleware gzips every answer,
 * `{"ok":true}` included. Marking answers under 1 KB `Cache-Control:
 * no-transform` (which that middleware honours) was tried: a ping went from
 * 0.92 to 0.74 ms and a claim create from 1.37 to 1.15 ms, and 10 clients
 * creating claims got 15-20% more throughput; but under overload
 * (bench/load.bench.ts) the server shed half as many requests a second, its
 * event-loop delay doubled (p99 ~120 → ~270 ms) and the slowest answer rose
 * from 1.36 to 1.7 s, against a 2 s bound, in every run. Until that is
 * understood, answers are compressed as Next does it.
 */
export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): NextResponse {
  const text = JSON.stringify(body) as string | undefined;
  if (text === undefined) throw new TypeError("jsonResponse: the value has no JSON form");
  return new NextResponse(text, { status: init.status, headers: { ...init.headers, "Content-Type": "application/json" } });
}
