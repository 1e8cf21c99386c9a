/**
 * The production HTTP server: Next.js's own request handler (the same one
 * `next start` uses: compression, next.config.js, the build folder that
 * CLAIMDESK_TEST_SLOT picks) behind admission control
 * (lib/runtime/admission.ts), so that under overload requests get a quick
 * 503 instead of an unbounded wait. `npm start`, the Playwright web server,
 * test app instances and benchmarks all run this.
 *
 *   node --import tsx scripts/server.ts [-p PORT] [-H HOSTNAME]
 *
 * PORT and HOSTNAME also come from the environment (defaults 3000 and all
 * interfaces); the limits from CLAIMDESK_MAX_IN_FLIGHT, CLAIMDESK_QUEUE_LIMIT
 * and CLAIMDESK_QUEUE_WAIT_MS (lib/quotas/limits.ts). `output: "standalone"`
 * is not used: a standalone build brings its own server.js instead.
 */
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { limits } from "../lib/quotas/limits";
import { acceptFirst } from "../lib/runtime/accept-first";
import { createAdmission, type ShedReason } from "../lib/runtime/admission";

(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// This process handles SIGTERM itself (below), as `next start` would.
process.env.NEXT_MANUAL_SIG_HANDLE = "1";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;
const { CLAIMDESK_MAX_IN_FLIGHT, CLAIMDESK_QUEUE_LIMIT, CLAIMDESK_QUEUE_WAIT_MS } = limits();

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

/** 503s since the last log line, by why they were shed. */
const shedSince = new Map<ShedReason, number>();
const admission = createAdmission({
  maxInFlight: CLAIMDESK_MAX_IN_FLIGHT,
  queueLimit: CLAIMDESK_QUEUE_LIMIT,
  queueWaitMs: CLAIMDESK_QUEUE_WAIT_MS,
  onShed: (reason) => void shedSince.set(reason, (shedSince.get(reason) ?? 0) + 1),
  startWork: (work) => accepting.start(work),
});
// How long the event loop was held between turns: a request that arrives meanwhile waits that long before admission sees it.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
// One log line per 10 s while shedding, not one per request.
setInterval(() => {
  if (shedSince.size === 0) return loopDelay.reset();
  const { inFlight, queued, limit } = admission.load();
  const ms = (ns: number) => Math.round(ns / 1e6);
  const total = [...shedSince.values()].reduce((a, b) => a + b, 0);
  const why = [...shedSince].map(([reason, n]) => `${reason} ${n}`).join(", ");
  console.warn(
    `Overloaded: answered ${total} requests with 503 in the last 10 s (${why}; in flight ${inFlight}/${limit} of at most ${CLAIMDESK_MAX_IN_FLIGHT}, waiting ${queued}/${CLAIMDESK_QUEUE_LIMIT}; event loop delay p99 ${ms(loopDelay.percentile(99))} ms, max ${ms(loopDelay.max)} ms).`,
  );
  shedSince.clear();
  loopDelay.reset();
}, 10_000).unref();

const server = http.createServer((req, res) => admission.handle(req, res, () => handle(req, res)));
// A burst of new connections is accepted before admitted requests start their work (libuv accepts one per loop turn).
const accepting = acceptFirst(server);
// A request (headers and body) must arrive within a minute: slow senders cannot hold slots for Node's default 5 minutes.
server.requestTimeout = 60_000;
server.headersTimeout = 20_000;
// An idle keep-alive connection stays open 65 s (Node's default: 5 s), longer than the idle timeout of the proxies a
// newsroom puts in front (nginx's upstream keepalive_timeout and AWS's load balancers: 60 s). Whoever closes an idle
// connection first must be the client: a server closing it just as the client sends its next request on it answers
// that request with a reset (a 502 at the proxy; ECONNRESET in Playwright's request client, which once failed a test).
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(
    `Claimdesk listening on http://${hostname ?? "localhost"}:${port} (at most ${CLAIMDESK_MAX_IN_FLIGHT} requests at once, ${CLAIMDESK_QUEUE_LIMIT} waiting up to ${CLAIMDESK_QUEUE_WAIT_MS} ms)`,
  );
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Finish what is running, then close streams and idle keep-alive sockets; never hang on a stuck client.
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
