/**
 * Starts the production build on a bench database for a benchmark, and signs
 * a user in over HTTP. Used by bench/*.bench.ts (never by tests).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createClient, type Db } from "@/lib/db";
import { PRISMA_OFFLINE_ENV } from "../../scripts/prisma-env";
import { needsBuild } from "../../scripts/build-state";
import { prepareBenchDatabase } from "./bench-database";
import { serverCommand } from "../../scripts/server-command";

export type BenchServer = {
  url: string;
  db: Db;
  /** What the server wrote to stderr so far: a bench counts SQLITE_BUSY and "database is locked" in it. */
  log: () => string;
  stop: () => Promise<void>;
};

/**
 * A fresh SQLite bench database (or BENCH_DATABASE_URL), migrated, with the
 * app serving it on `port` through the production server (scripts/server.ts);
 * `extraEnv` sets limits for the run.
 */
export async function startBenchServer(name: string, port: number, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  const dbUrl = await prepareBenchDatabase(name);
  const env = { ...process.env, ...PRISMA_OFFLINE_ENV, DATABASE_URL: dbUrl, NEXT_TELEMETRY_DISABLED: "1" };
  if (needsBuild(process.env.CLAIMDESK_TEST_SLOT ? `.next-${process.env.CLAIMDESK_TEST_SLOT}` : ".next")) {
    console.log("Building (next build): the sources are newer than .next…");
    const build = spawnSync("npx", ["next", "build"], { env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const url = `http://127.0.0.1:${port}`;
  // BENCH_SERVER_PROFILE=dir writes a V8 CPU profile of the server there when it stops (open it in Chrome devtools).
  const profile = process.env.BENCH_SERVER_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : [];
  const { command, args } = serverCommand(port, "127.0.0.1");
  const server: ChildProcess = spawn(command, [...profile, ...args], {
    env: {
      ...env,
      NODE_ENV: "production",
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: "claimdesk-bench-secret-not-for-production",
      // The report workers' second warm-up phase keeps both cores busy (at a lowered priority) for seconds after the
      // start, into the first measured runs: a PostgreSQL create run read 4.1× against 2.5× for the next ones. No bench
      // exports through a server (bench/export runs the pool in its own process, warmed up as the server's is).
      CLAIMDESK_REPORT_WARM_UP_PDFS: "0",
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let log = "";
  server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${url}/api/ping`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const db = createClient(dbUrl);
  return {
    url,
    db,
    log: () => log,
    stop: async () => {
      await db.$disconnect();
      try {
        process.kill(-server.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
    },
  };
}

/** Signs in through next-auth's credentials endpoint and returns the Cookie header to send. */
export async function signInCookie(base: string, email: string, password = "claimdesk"): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      jar.set(k!, v.join("="));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${email}`);
  return cookie();
}

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
