/**
 * The app as `npm start` runs it (scripts/start.ts: migrations, then the
 * server under its supervisor) on a port of its own, reusing the suite's
 * build, for tests that kill the server process and expect it back.
 */
import { spawn } from "node:child_process";
import { freePort } from "./app-instance";

const SECRET = "claimdesk-test-secret-not-for-production";

export async function startSupervisedApp(databaseUrl: string) {
  const port = await freePort(3400 + Number(process.env.CLAIMDESK_TEST_SLOT ?? 0) * 20);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: SECRET,
      CLAIMDESK_SKIP_BUILD: "1",
      // The workers' second warm-up phase is seconds of CPU at every start, for a first large PDF export a test never times.
      CLAIMDESK_REPORT_WARM_UP_PDFS: "0",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let partial = "";
  const keep = (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split("\n");
    partial = parts.pop()!;
    lines.push(...parts);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  /** The supervisor's "app process N started" lines, in order. */
  const appPids = () => lines.flatMap((l) => /\[supervisor\] app process (\d+) started/.exec(l)?.[1] ?? []).map(Number);
  const up = () =>
    fetch(`${url}/api/ping`).then(
      (r) => r.ok,
      () => false,
    );

  /** Waits until the `n`-th app process answers /api/ping (no fixed sleeps: polls the ping). */
  async function answering(n: number, timeoutMs = 90_000): Promise<number> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${lines.slice(-40).join("\n")}`);
      if (appPids().length >= n && (await up())) return appPids()[n - 1]!;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`app process ${n} did not answer within ${timeoutMs / 1000} s:\n${lines.slice(-40).join("\n")}`);
  }

  async function stop() {
    if (child.exitCode !== null || !child.pid) return;
    process.kill(-child.pid, "SIGTERM");
    const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
    if (!done) process.kill(-child.pid, "SIGKILL");
  }

  return { url, lines, appPids, answering, stop };
}
