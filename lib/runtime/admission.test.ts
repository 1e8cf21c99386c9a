import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createAdmission, type AdmissionOptions } from "./admission";

type Held = { url: string; finish: () => void };

/** A server whose handler holds each request until the test lets it go. */
async function serve(opts: Omit<AdmissionOptions, "onShed">) {
  const held: Held[] = [];
  const shedReasons: string[] = [];
  const admission = createAdmission({ ...opts, onShed: (r) => shedReasons.push(r) });
  const server = http.createServer((req, res) =>
    admission.handle(req, res, () => {
      if (req.url?.startsWith("/api/events")) {
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        res.write("retry: 3000\n\n");
        held.push({ url: req.url, finish: () => res.end() });
        return;
      }
      held.push({ url: req.url ?? "", finish: () => res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}') });
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { base, held, admission, shedReasons };
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** Sends a GET and resolves with status, Retry-After, body and how long it took. */
function get(base: string, path: string) {
  const t0 = performance.now();
  return new Promise<{ status: number; retryAfter?: string; body: string; ms: number }>((resolve, reject) => {
    http
      .get(`${base}${path}`, { agent: false }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () =>
          resolve({
            status: res.statusCode!,
            retryAfter: res.headers["retry-after"] as string | undefined,
            body,
            ms: performance.now() - t0,
          }),
        );
      })
      .on("error", reject);
  });
}

async function until(check: () => boolean) {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

/** Teaches the pace: `n` requests one after another, each held while `pass()` moves the test's clock. */
async function pace(base: string, held: Held[], n: number, pass: () => void) {
  for (let i = 0; i < n; i++) {
    const r = get(base, `/paced-${i}`);
    await until(() => held.length === 1);
    pass();
    held.shift()!.finish();
    expect((await r).status).toBe(200);
  }
}

describe("admission control", () => {
  it("works on at most maxInFlight requests, queues a few, and sheds the rest at once with 503, Retry-After and a JSON body", async () => {
    const { base, held, admission } = await serve({ maxInFlight: 2, queueLimit: 2, queueWaitMs: 10_000 });
    const working = [get(base, "/a"), get(base, "/b")];
    await until(() => held.length === 2);
    const waiting = [get(base, "/c"), get(base, "/d")];
    await until(() => admission.load().queued === 2);
    const refused = await Promise.all(Array.from({ length: 5 }, () => get(base, "/e")));
    for (const r of refused) {
      expect(r.status).toBe(503);
      expect(r.retryAfter).toBe("1");
      expect(JSON.parse(r.body)).toEqual({ error: expect.stringContaining("busy") });
      expect(r.ms).toBeLessThan(500);
    }
    expect(admission.load()).toEqual({ inFlight: 2, queued: 2, limit: 2 });
    // A finished request lets the first waiting one in, in order.
    held.shift()!.finish();
    await until(() => held.some((h) => h.url === "/c"));
    expect(held.map((h) => h.url)).toEqual(["/b", "/c"]);
    for (const h of held.splice(0)) h.finish();
    await until(() => held.length === 1);
    held.shift()!.finish();
    expect((await Promise.all([...working, ...waiting])).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(admission.load()).toEqual({ inFlight: 0, queued: 0, limit: 2 });
  });

  it("answers 503 to a request that waited queueWaitMs for a slot", async () => {
    const { base, held, shedReasons } = await serve({ maxInFlight: 1, queueLimit: 10, queueWaitMs: 150 });
    const working = get(base, "/slow");
    await until(() => held.length === 1);
    const waited = await get(base, "/late");
    expect(waited.status).toBe(503);
    expect(waited.ms).toBeGreaterThanOrEqual(140);
    expect(waited.ms).toBeLessThan(1000);
    expect(shedReasons).toEqual(["waited-too-long"]);
    held[0]!.finish();
    expect((await working).status).toBe(200);
  });

  it("lets static files and the health check past a full server, and gives a stream's slot back once its headers are out", async () => {
    const { base, held, admission } = await serve({ maxInFlight: 1, queueLimit: 0, queueWaitMs: 0 });
    const stream = http.get(`${base}/api/events`, { agent: false });
    await until(() => held.length === 1);
    expect(admission.load().inFlight).toBe(0);
    const working = get(base, "/page");
    await until(() => held.length === 2);
    expect((await get(base, "/other")).status).toBe(503);
    const [asset, ping] = [get(base, "/_next/static/chunk.js"), get(base, "/api/ping")];
    await until(() => held.length === 4);
    for (const h of held.splice(0)) h.finish();
    expect((await Promise.all([working, asset, ping])).map((r) => r.status)).toEqual([200, 200, 200]);
    stream.destroy();
  });

  it("drops a waiting request whose client went away, without running it", async () => {
    const { base, held, admission } = await serve({ maxInFlight: 1, queueLimit: 5, queueWaitMs: 10_000 });
    const working = get(base, "/first");
    await until(() => held.length === 1);
    const gone = http.get(`${base}/gone`, { agent: false });
    gone.on("error", () => {});
    await until(() => admission.load().queued === 1);
    gone.destroy();
    await until(() => admission.load().queued === 0);
    held.shift()!.finish();
    expect((await working).status).toBe(200);
    const after = get(base, "/after");
    await until(() => held.length === 1);
    expect(held.map((h) => h.url)).toEqual(["/after"]);
    held.shift()!.finish();
    expect((await after).status).toBe(200);
  });
});

describe("admission control at the recent pace", () => {
  it("sheds at once a request whose turn would come after the wait, judged by how long requests recently held their slot", async () => {
    let clock = 0;
    const { base, held, admission, shedReasons } = await serve({ maxInFlight: 1, queueLimit: 100, queueWaitMs: 250, now: () => clock });
    // Teach it the pace: each request holds its slot 100 ms (of its clock).
    await pace(base, held, 3, () => (clock += 100));
    const working = get(base, "/busy");
    await until(() => held.length === 1);
    // Two can wait (~100 and ~200 ms of turns); the third would wait ~300 ms > 250 ms, so it is refused at once.
    const waiting = [get(base, "/w1"), get(base, "/w2")];
    await until(() => admission.load().queued === 2);
    const refused = await get(base, "/w3");
    expect(refused.status).toBe(503);
    expect(refused.ms).toBeLessThan(200);
    expect(shedReasons).toEqual(["would-wait-too-long"]);
    for (let i = 0; i < 3; i++) {
      await until(() => held.length === 1);
      held.shift()!.finish();
    }
    expect((await Promise.all([working, ...waiting])).map((r) => r.status)).toEqual([200, 200, 200]);
  });
});

describe("admission control against the answer budget", () => {
  it("sheds a waiting request that would be answered past the budget when its turn comes, and lets the next one in", async () => {
    let clock = 0;
    const { base, held, admission, shedReasons } = await serve({
      maxInFlight: 1,
      queueLimit: 10,
      queueWaitMs: 10_000,
      answerBudgetMs: 1500,
      now: () => clock,
    });
    // Teach it the pace: each request holds its slot 400 ms (of its clock).
    await pace(base, held, 3, () => (clock += 400));
    const working = get(base, "/busy");
    await until(() => held.length === 1);
    const late = get(base, "/late");
    await until(() => admission.load().queued === 1);
    // /late has waited 1,200 ms when the slot frees: 1,200 + 400 ms of work would pass 1,500 ms.
    clock += 1200;
    const inTime = get(base, "/in-time");
    await until(() => admission.load().queued === 2);
    held.shift()!.finish();
    const refused = await late;
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toEqual({ error: expect.stringContaining("busy") });
    expect(shedReasons).toEqual(["would-finish-too-late"]);
    // /in-time has waited 0 ms of the clock: it is let in, not shed.
    await until(() => held.length === 1);
    expect(held.map((h) => h.url)).toEqual(["/in-time"]);
    held.shift()!.finish();
    expect((await Promise.all([working, inTime])).map((r) => r.status)).toEqual([200, 200]);
    expect(admission.load()).toMatchObject({ inFlight: 0, queued: 0 });
  });
});

describe("admission control on a slow machine", () => {
  it("halves the limit once for the requests slow through one spell, again while those let in after stay slow, and grows it back by one per quick request", async () => {
    let clock = 0;
    const { base, held, admission } = await serve({ maxInFlight: 4, queueLimit: 100, queueWaitMs: 1000, now: () => clock });
    /** `n` requests held through `ms` of the clock, all in flight at once. */
    const spell = async (n: number, ms: number) => {
      const answers = Array.from({ length: n }, (_, i) => get(base, `/r${i}`));
      await until(() => held.length === n);
      clock += ms;
      for (const h of held.splice(0)) h.finish();
      await Promise.all(answers);
    };
    // Four in flight through one 800 ms spell are one signal: the limit halves once, not down by four.
    await spell(4, 800);
    expect(admission.load().limit).toBe(2);
    // The requests let in after that are slow too (the machine is slow): it halves again.
    await spell(2, 800);
    expect(admission.load().limit).toBe(1);
    // At the slow pace, one in flight: a second request waits its turn.
    const first = get(base, "/slow-1");
    await until(() => held.length === 1);
    const second = get(base, "/slow-2");
    await until(() => admission.load().queued === 1);
    expect(held).toHaveLength(1);
    held.shift()!.finish();
    await until(() => held.length === 1);
    held.shift()!.finish();
    await Promise.all([first, second]);
    // Quick requests raise the limit again, one per request.
    for (let i = 0; i < 3; i++) {
      const r = get(base, `/quick-${i}`);
      await until(() => held.length === 1);
      held.shift()!.finish();
      await r;
    }
    expect(admission.load().limit).toBe(4);
  });

  it("keeps the pace of the recent many after one stall slowed every request in flight, and does not shed the requests that follow", async () => {
    let clock = 0;
    const { base, held, admission, shedReasons } = await serve({ maxInFlight: 4, queueLimit: 100, queueWaitMs: 1000, now: () => clock });
    // The usual pace: 20 requests of 10 ms each.
    await pace(base, held, 20, () => (clock += 10));
    // A 800 ms stall (the disk, the machine) holds the four in flight.
    const stalled = Array.from({ length: 4 }, (_, i) => get(base, `/stalled-${i}`));
    await until(() => held.length === 4);
    clock += 800;
    for (const h of held.splice(0)) h.finish();
    await Promise.all(stalled);
    expect(admission.load().limit).toBe(2);
    // Then the usual traffic: two in flight and ten waiting. At the usual pace they are through in well under the
    // queue wait, so none is shed (a moving average weighted to the latest would read 282 ms a request and shed from
    // the seventh on; the mean of the recent 24 holds reads 142 ms, and 10 wait about 0.8 s for two slots).
    const working = [get(base, "/after-1"), get(base, "/after-2")];
    await until(() => held.length === 2);
    const waiting = Array.from({ length: 10 }, (_, i) => get(base, `/waiting-${i}`));
    await until(() => admission.load().queued === 10);
    expect(shedReasons).toEqual([]);
    while (held.length > 0 || admission.load().queued > 0) {
      await until(() => held.length > 0);
      clock += 10;
      held.shift()!.finish();
    }
    expect((await Promise.all([...working, ...waiting])).map((r) => r.status)).toEqual(Array(12).fill(200));
  });
});
