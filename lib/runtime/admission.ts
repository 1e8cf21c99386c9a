import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Admission control for the HTTP server (scripts/server.ts): under overload
 * the server answers 503 quickly instead of queueing without bound.
 *
 * - At most `maxInFlight` requests are being worked on at once, fewer while
 *   requests hold their slot longer than half the queue wait (the machine is
 *   slower than usual: starved of CPU, or the database is slow). As TCP's
 *   congestion window: the limit halves when such a request finishes, at
 *   most once per window (a request let in before the last decrease does not
 *   lower it again: the requests in flight through one stall are one signal,
 *   not sixteen), and grows back by one per quick request. So the requests
 *   let in still finish in time instead of sharing a starved core sixteen
 *   ways, and one stall of the disk or the machine halves the limit for a
 *   moment instead of taking it to one.
 * - Up to `queueLimit` more wait for a slot, first come first served, each
 *   for at most `queueWaitMs`; then it gets 503.
 * - Past the queue, 503 at once; also when the requests ahead of it would
 *   take longer than `queueWaitMs` to get through at the recent pace (the
 *   mean of how long the last PACE_SAMPLES requests held their slot), so an
 *   overloaded server says so at once instead of after the wait. Each of
 *   those weighs the same: the requests in flight through a half-second
 *   stall all finish slow together, and a moving average weighted to the
 *   latest (as this was) then called the server slow for the next hundred
 *   requests and shed writes that would have been answered in tens of
 *   milliseconds (bench/load on PostgreSQL: 11 to 22 of 24,000 writes a
 *   minute). A mean rather than a median: the holds of a busy desk are
 *   skewed (claims lists of hundreds of rows beside quick writes), and what
 *   the queue waits for is their sum.
 * - When a slot frees, the first waiting request is let in only if it can
 *   still be answered within `answerBudgetMs` (default 1.5 × `queueWaitMs`):
 *   its wait so far plus the recent pace. One that would finish later
 *   gets 503 now, and the next is considered: working on it would spend the
 *   slot on an answer the client sees as too slow, and delay everyone
 *   behind it.
 * Every 503 has `Retry-After` and a JSON `{ error }` body, and the request
 * body is never read (Node discards it before the next request on the
 * connection). So no request waits longer than `queueWaitMs`, and none is
 * let in that would, at the recent pace, finish past `answerBudgetMs`; the
 * in-flight cap keeps its own work short: with the defaults (16 in flight,
 * 1 s of queue, 1.5 s budget) a request is answered within 2 s even when
 * each takes tens of milliseconds of CPU. More in flight would not add
 * throughput on a few cores (or past the database pool of 10) but would
 * add latency to every request.
 *
 * What is not counted:
 * - static files (`/_next/static/…`): cheap, served from disk, and a page
 *   that was admitted needs them;
 * - `/api/ping`, the health check: a load balancer that saw it shed would
 *   take the instance out and overload the others;
 * - a live-event stream (`/api/events`) once its headers are out: it is
 *   admitted like any request (its sign-in check costs a query), then it
 *   gives its slot back and lives on; lib/quotas/stream-slots.ts caps streams
 *   per user.
 *
 * Hand-rolled (about 80 lines) because the libraries for it do something
 * else: p-queue's timeout bounds a task's run time, not its wait, and it has
 * no queue bound; toobusy-js and overload-protection shed on event-loop lag,
 * which measures the symptom late and not per request; under-pressure is a
 * Fastify plugin. A bounded FIFO with a wait deadline is the mechanism the
 * issue asks for.
 */
export type AdmissionOptions = {
  maxInFlight: number;
  queueLimit: number;
  queueWaitMs: number;
  /** A waiting request is let in only if its wait plus the recent pace stays within this (default 1.5 × queueWaitMs). */
  answerBudgetMs?: number;
  onShed?: (reason: ShedReason) => void;
  /** Starts an admitted request's work: accept-first.ts holds it while a burst of connections is accepted (default: at once). */
  startWork?: (work: () => void) => void;
  /** Milliseconds clock for the pace (tests pass their own). */
  now?: () => number;
};

export type ShedReason = "queue-full" | "would-wait-too-long" | "waited-too-long" | "would-finish-too-late";

export type Admission = {
  /** Runs `handler` for this request once a slot is free, or answers 503. */
  handle: (req: IncomingMessage, res: ServerResponse, handler: () => unknown) => void;
  /** Requests being worked on and waiting now, and how many may be worked on at the current pace. */
  load: () => { inFlight: number; queued: number; limit: number };
};

/** Paths that bypass admission (static assets, the health check). */
const bypasses = (url: string) => url.startsWith("/_next/static/") || url === "/api/ping" || url.startsWith("/api/ping?");
/** Paths whose response is a long-lived stream: the slot is given back when the headers are sent. */
const streams = (url: string) => url === "/api/events" || url.startsWith("/api/events?");

const BUSY_BODY = JSON.stringify({ error: "The server is busy. Try again in a moment." });

/** The 503 a shed request gets. */
export function shed(res: ServerResponse, retryAfterSeconds = 1): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(503, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(BUSY_BODY),
    "Retry-After": String(retryAfterSeconds),
    "Cache-Control": "no-store",
  });
  res.end(BUSY_BODY);
}

export function createAdmission({
  maxInFlight,
  queueLimit,
  queueWaitMs,
  answerBudgetMs = queueWaitMs * 1.5,
  onShed,
  startWork,
  now = () => performance.now(),
}: AdmissionOptions): Admission {
  let inFlight = 0;
  const pace = recentPace();
  let limit = maxInFlight;
  /** When the limit last dropped: requests let in before then were in flight through the same slow spell. */
  let decreasedAt = -Infinity;
  const slowSlotMs = queueWaitMs / 2;
  const queue: { start: () => void; shed: () => void; timer: NodeJS.Timeout; res: ServerResponse; queuedAt: number }[] = [];

  const run = (req: IncomingMessage, res: ServerResponse, handler: () => unknown) => {
    inFlight++;
    let done = false;
    const admittedAt = now();
    const release = () => {
      if (done) return;
      done = true;
      inFlight--;
      const releasedAt = now();
      const held = releasedAt - admittedAt;
      pace.add(held);
      if (held > slowSlotMs) {
        if (admittedAt >= decreasedAt) {
          limit = Math.max(1, Math.floor(limit / 2));
          decreasedAt = releasedAt;
        }
      } else if (held < slowSlotMs / 2) limit = Math.min(maxInFlight, limit + 1);
      const slotMs = pace.ms();
      while (inFlight < limit && queue.length > 0) {
        const next = queue.shift()!;
        clearTimeout(next.timer);
        if (now() - next.queuedAt + slotMs > answerBudgetMs) {
          onShed?.("would-finish-too-late");
          next.shed();
          continue;
        }
        next.start();
      }
    };
    res.once("close", release);
    if (streams(req.url ?? "")) {
      // Node sends implicit headers through writeHead too, so this sees the first byte of any response.
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
      res.writeHead = ((...args: unknown[]) => {
        release();
        return writeHead(...args);
      }) as typeof res.writeHead;
    }
    const work = () => {
      try {
        void Promise.resolve(handler()).catch((error: unknown) => failed(res, error));
      } catch (error) {
        failed(res, error);
      }
    };
    if (startWork) startWork(work);
    else work();
  };

  return {
    load: () => ({ inFlight, queued: queue.length, limit }),
    handle(req, res, handler) {
      const url = req.url ?? "/";
      if (bypasses(url)) return void handler();
      if (inFlight < limit) return run(req, res, handler);
      if (queue.length >= queueLimit) {
        onShed?.("queue-full");
        return shed(res);
      }
      // A slot frees about every pace / limit: this request's turn would come after the deadline.
      if (((queue.length + 1) * pace.ms()) / limit > queueWaitMs) {
        onShed?.("would-wait-too-long");
        return shed(res);
      }
      const entry = {
        res,
        queuedAt: now(),
        shed: () => {
          res.off("close", leave);
          shed(res);
        },
        start: () => {
          res.off("close", leave);
          run(req, res, handler);
        },
        timer: setTimeout(() => {
          dequeue();
          onShed?.("waited-too-long");
          shed(res);
        }, queueWaitMs),
      };
      const dequeue = () => {
        const i = queue.indexOf(entry);
        if (i >= 0) queue.splice(i, 1);
        clearTimeout(entry.timer);
      };
      // A client that leaves while waiting gives up its place.
      const leave = () => dequeue();
      res.once("close", leave);
      queue.push(entry);
    },
  };
}

/** How many of the latest slot holds the pace is the mean of. */
const PACE_SAMPLES = 64;

/** The mean of the latest PACE_SAMPLES slot holds (ms), each weighing the same; 0 until a request has finished. */
function recentPace() {
  const holds = new Float64Array(PACE_SAMPLES);
  let count = 0;
  let sum = 0;
  return {
    add(ms: number) {
      const at = count++ % PACE_SAMPLES;
      sum += ms - holds[at]!;
      holds[at] = ms;
    },
    ms: () => (count === 0 ? 0 : sum / Math.min(count, PACE_SAMPLES)),
  };
}

function failed(res: ServerResponse, error: unknown) {
  console.error("Request failed", error);
  if (res.headersSent) return void res.destroy();
  const body = JSON.stringify({ error: "Something went wrong on our side. Try again." });
  res.writeHead(500, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body) }).end(body);
}
