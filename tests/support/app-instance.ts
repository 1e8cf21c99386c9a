/**
 * Real app instances for integration tests: the production server of the
 * build on a port of its own, signed-in callers over plain fetch, and the
 * live-event stream (/api/events) as a reader. Used by
 * tests/integration/live-events.test.ts to run two instances on one database.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import { sseReader } from "./sse-reader";
import { findPhrase } from "@/seeds/evidence-factories";
import type { Verdict } from "@/lib/schemas/claim";
import { buildIsDue } from "../../scripts/build-state";
import { serverCommand } from "../../scripts/server-command";

/** The factories' default password (seeds/factories.ts). */
const PASSWORD = "claimdesk";
const SECRET = "claimdesk-test-secret-not-for-production";
/** Builds the app if this slot has no current production build (minutes, not seconds). */
export function ensureBuild(): void {
  if (!buildIsDue()) return;
  const r = spawnSync("npx", ["next", "build"], { env: { ...process.env, NODE_ENV: "production" }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`next build failed:\n${(r.stdout + r.stderr).slice(-4000)}`);
}

/** True when a current build exists (ensureBuild will not build), so a caller can size its timeout. */
export const hasBuild = () => !buildIsDue();

/** The first port at or above `from` that nothing listens on (127.0.0.1). */
export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${from}-${from + 99}`);
}

export type AppInstance = { url: string; stop: () => Promise<void> };

/**
 * The production server (scripts/server.ts, what `npm start` runs) on `port`
 * against `databaseUrl`, resolved once /api/ping answers; `env` adds
 * settings (small limits, say). The server runs in its own process group, so
 * `stop` ends it and any worker it forked, and nothing else.
 */
export async function startAppInstance(port: number, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<AppInstance> {
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST"))),
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: SECRET,
    NODE_ENV: "production",
    // The workers' second warm-up phase is seconds of CPU at every start, for a first large PDF export a test never times.
    CLAIMDESK_REPORT_WARM_UP_PDFS: "0",
    ...extraEnv,
  };
  const { command, args } = serverCommand(port, "127.0.0.1");
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const instance = { url, stop: () => stopGroup(child, exited) };

  const until = Date.now() + 45_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The server on ${port} exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${url}/api/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return instance;
    await new Promise((r) => setTimeout(r, 250));
  }
  await instance.stop();
  throw new Error(`The server on ${port} did not answer /api/ping within 45 s:\n${output}`);
}

async function stopGroup(child: ChildProcess, exited: Promise<void>) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
  if (!stopped) {
    signal("SIGKILL");
    await exited;
  }
}

/**
 * Signs `email` in at `baseUrl` through next-auth's credentials endpoint
 * (GET /api/auth/csrf, then POST /api/auth/callback/credentials) and returns
 * the Cookie header value of the session.
 */
export async function signInAt(baseUrl: string, email: string, password = PASSWORD): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/articles" }),
  });
  const session = cookiePairs(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Signing ${email} in at ${baseUrl} failed (${res.status}): no session cookie`);
  return session;
}

const cookiePairs = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** A JSON request as a signed-in caller; resolves to the status and the parsed body. */
export async function callAs<T = unknown>(baseUrl: string, cookie: string, method: string, path: string, json?: unknown) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie, ...(json === undefined ? {} : { "content-type": "application/json" }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** A claim on the first `phrase` of a desk's article, made through the API as a signed-in caller; resolves to its id. */
export async function claimAs(
  baseUrl: string,
  cookie: string,
  desk: { article: { id: string }; version: { id: string }; text: string },
  phrase: string,
  verdict: Verdict,
): Promise<string> {
  const made = await callAs<{ id: string }>(baseUrl, cookie, "POST", `/api/articles/${desk.article.id}/claims`, {
    versionId: desk.version.id,
    ...findPhrase(desk.text, phrase),
    verdict,
  });
  if (made.status !== 201) throw new Error(`POST /api/articles/${desk.article.id}/claims answered ${made.status}`);
  return made.body.id;
}

/** GET /api/events as a signed-in caller: the open stream as a reader, and `close` to hang up. */
export async function openEventStream(baseUrl: string, cookie: string) {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/events`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`GET /api/events at ${baseUrl}: ${res.status}`);
  const reader = sseReader(res.body);
  return {
    ...reader,
    contentType: res.headers.get("content-type"),
    close: () => {
      void reader.cancel();
      abort.abort();
    },
  };
}
