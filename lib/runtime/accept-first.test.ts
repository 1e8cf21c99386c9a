import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { acceptFirst } from "./accept-first";
import { createAdmission } from "./admission";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** Holds the event loop as a request doing its work on it would (a synchronous query, serializing). */
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

/**
 * A server whose every request costs `workMs` of event-loop time, behind admission (16 at once, as the defaults),
 * with or without accept-first; `connections` clients connect at once, one request each.
 * Resolves with when each connection was accepted and each answer came, in ms from the start.
 */
async function burst({ gate, connections, workMs }: { gate: boolean; connections: number; workMs: number }) {
  const accepted: number[] = [];
  let accepting: ReturnType<typeof acceptFirst> | undefined;
  const admission = createAdmission({
    maxInFlight: 16,
    queueLimit: 1000,
    queueWaitMs: 60_000,
    startWork: gate ? (work) => accepting!.start(work) : undefined,
  });
  const server = http.createServer((req, res) =>
    admission.handle(req, res, () => {
      busy(workMs);
      res.end("ok");
    }),
  );
  if (gate) accepting = acceptFirst(server);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const t0 = performance.now();
  server.on("connection", () => accepted.push(performance.now() - t0));
  const answered = await Promise.all(
    Array.from(
      { length: connections },
      () =>
        new Promise<number>((resolve, reject) =>
          http
            .get({ host: "127.0.0.1", port, path: "/", agent: false }, (res) => {
              res.resume();
              res.on("end", () => resolve(performance.now() - t0));
            })
            .on("error", reject),
        ),
    ),
  );
  return { accepted, answered };
}

describe("accept first, then work", () => {
  it("accepts a burst of connections before starting the work of admitted requests", async () => {
    // Without the gate libuv accepts one connection per loop turn, and each turn here runs a 40 ms request:
    // the 40th connection waits about 1.6 s in the kernel's accept queue.
    const { accepted, answered } = await burst({ gate: true, connections: 40, workMs: 40 });
    expect(accepted).toHaveLength(40);
    expect(Math.max(...accepted)).toBeLessThan(500);
    // The work itself still takes its time: 40 requests of 40 ms, one after another on one thread.
    expect(Math.max(...answered)).toBeGreaterThanOrEqual(40 * 40 - 5);
  });

  it("without it, connections behind busy turns wait (what the gate prevents)", async () => {
    const { accepted } = await burst({ gate: false, connections: 40, workMs: 40 });
    expect(Math.max(...accepted)).toBeGreaterThan(1000);
  });

  it("starts held work within maxHoldMs even while connections keep coming", async () => {
    // A bare net.Server: only the gate listens to its "connection" events.
    const server = new net.Server();
    const gate = acceptFirst(server, { maxHoldMs: 30 });
    // A connection accepted in every turn (as under a steady flood of new connections).
    const flood = setInterval(() => server.emit("connection", {}), 0);
    const flooding = () => new Promise<void>((r) => setImmediate(r));
    await flooding();
    const t0 = performance.now();
    const started = await new Promise<number>((resolve) => {
      server.emit("connection", {});
      gate.start(() => resolve(performance.now() - t0));
    });
    clearInterval(flood);
    expect(gate.held()).toBe(0);
    expect(started).toBeLessThan(200);
  });

  it("starts work at once when no connection is being accepted", () => {
    const gate = acceptFirst(new net.Server());
    let ran = false;
    gate.start(() => (ran = true));
    expect(ran).toBe(true);
  });
});
