/**
 * Measures how fast the server answers `/api/ping` while something else
 * runs (the trust issue: every ping under 100 ms while an export runs).
 *
 * Each sample pings the app and, at the same moment, a bare Node HTTP server
 * in a process of its own (the control): what the machine itself adds to a
 * request (other processes on shared cores, the test runner) shows in both,
 * what the app's own work adds shows only in the app's. One sample after
 * another, 20 ms apart.
 */
import { spawn } from "node:child_process";

export type PingSample = { app: number; control: number };

/** A bare HTTP server on a free port, answering every request with `{"ok":true}`. */
export async function startControlServer() {
  // A clean environment: the test runner's NODE_OPTIONS (loaders, hooks) have no place in a bare server.
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const s = require("node:http").createServer((q, r) => r.end('{"ok":true}')); s.listen(0, "127.0.0.1", () => console.log("port=" + s.address().port));`,
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { PATH: process.env.PATH ?? "" } as unknown as NodeJS.ProcessEnv,
    },
  );
  let out = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      const found = /port=(\d+)/.exec((out += String(d)));
      if (found) resolve(Number(found[1]));
    });
    child.once("exit", (code) => reject(new Error(`control server exited (${code}): ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => void child.kill() };
}

async function timed(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return performance.now() - t0;
}

/** Samples the app's /api/ping and the control server together until stopped. */
export function samplePing(appUrl: string, controlUrl: string, gapMs = 20) {
  const samples: PingSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const [app, control] = await Promise.all([timed(`${appUrl}/api/ping`), timed(controlUrl)]);
      samples.push({ app, control });
      await new Promise((r) => setTimeout(r, gapMs));
    }
  })();
  return {
    /** How many pairs were measured so far. */
    count: () => samples.length,
    /** Stops sampling; resolves to every pair measured, in ms. */
    async stop(): Promise<PingSample[]> {
      running = false;
      await loop;
      return samples;
    },
  };
}

/** The `p`-th percentile of latencies. */
export const percentile = (ms: number[], p: number) =>
  [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] ?? NaN;

/** Count, median, 90th percentile and max of the app's latencies and of the control's, for messages. */
export function pingSummary(samples: PingSample[]): string {
  const line = (ms: number[]) =>
    `median ${percentile(ms, 50).toFixed(1)} ms, p90 ${percentile(ms, 90).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`;
  return `${samples.length} pings: app ${line(samples.map((s) => s.app))}; bare server ${line(samples.map((s) => s.control))}`;
}
