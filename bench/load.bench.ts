/**
 * Load and overload, against the production server
 * (scripts/server.ts) with the default limits:
 *
 * 1. 50 concurrent reviewers creating and updating claims for 60 s
 *    (BENCH_LOAD_SECONDS), each on one keep-alive connection, no think time:
 *    latency p50/p95/p99/max, errors (target 0; a 429 of the per-user
 *    limit of 600 writes a minute, which a reviewer writing without pause
 *    comes near, is counted apart), and rows = acknowledgements
 *    (every 201 is an annotation row, every 200 to a PATCH one step of a
 *    row's version, nothing more).
 * 2. Overload: 256 connections (BENCH_OVERLOAD_CONNECTIONS) of 64 users
 *    reading the claims of articles of 200 claims and creating claims for 20 s
 *    (BENCH_OVERLOAD_SECONDS): no request may wait over 2 s, and the excess
 *    must get 503 (shed) or 429 (rate limit), not a wait.
 *
 * 3. The same overload from wrk (a C client, when installed): its slowest
 *    answer, an independent check of the 2 s bound.
 *
 * Each figure is printed beside its target. BENCH_DATABASE_URL runs it on
 * PostgreSQL. The client is bench/support/http-client.ts (lean keep-alive
 * node:http); it shares the 2 cores with the server, so its latencies are
 * upper bounds.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createArticle, createTeam, createUser } from "@/seeds/factories";
import { DEFAULT_LIMITS } from "@/lib/quotas/limits";
import { percentile, signInCookie, startBenchServer } from "./support/bench-server";
import { httpClient, type Phases, type Timed } from "./support/http-client";

const REVIEWERS = 50;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const OVERLOAD_CONNECTIONS = Number(process.env.BENCH_OVERLOAD_CONNECTIONS ?? 256);
const OVERLOAD_USERS = 64;
const OVERLOAD_SECONDS = Number(process.env.BENCH_OVERLOAD_SECONDS ?? 20);

const server = await startBenchServer("load", 3202);

/**
 * The overload again from wrk, a C load generator, when it is installed: claims lists and creates in turn,
 * on as many connections, with no Retry-After pause. An independent check of the slowest answers: the node client above
 * shares the 2 cores with the server, and a request it times includes its own event loop's delays.
 */
function wrkOverload(articles: { id: string; versionId: string }[], cookies: string[]) {
  if (spawnSync("wrk", ["--version"]).error) return console.log("  (wrk cross-check skipped: apt-get install -y wrk)");
  const script = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-wrk-")), "lists.lua");
  // The ids and cookies are ASCII without backslashes: as JSON strings they are valid Lua literals.
  writeFileSync(
    script,
    `
local paths = { ${articles.map((a) => JSON.stringify(`/api/articles/${a.id}/claims`)).join(", ")} }
local versions = { ${articles.map((a) => JSON.stringify(a.versionId)).join(", ")} }
local cookies = { ${cookies.map((c) => JSON.stringify(c)).join(", ")} }
local i = 0
request = function()
  i = i + 1
  local a = (i % #paths) + 1
  local headers = { ["Cookie"] = cookies[(i % #cookies) + 1], ["Accept-Encoding"] = "gzip, deflate", ["Content-Type"] = "application/json", ["Origin"] = ${JSON.stringify(server.url)} }
  if i % 2 == 0 then return wrk.format("GET", paths[a], headers) end
  local s = (i * 37) % 30000
  return wrk.format("POST", paths[a], headers, '{"versionId":"' .. versions[a] .. '","start":' .. s .. ',"end":' .. (s + 22) .. ',"verdict":"verified"}')
end
done = function(summary, latency, requests)
  io.write(string.format("WRK %d %d %.1f %.1f %.1f %.1f %d %d %d\\n", summary.requests, summary.duration, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status, summary.errors.timeout,
    summary.errors.connect + summary.errors.read + summary.errors.write))
  for _, p in pairs({ 99.5, 99.9 }) do io.write(string.format("P %.1f %.1f\\n", p, latency:percentile(p) / 1000)) end
end`,
  );
  const run = spawnSync(
    "wrk",
    ["-t1", `-c${OVERLOAD_CONNECTIONS}`, `-d${OVERLOAD_SECONDS}s`, "--timeout", "10s", "-s", script, server.url],
    {
      encoding: "utf8",
    },
  );
  const m = /WRK (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+) (\d+) (\d+)/.exec(run.stdout);
  if (!m) return console.log(`  wrk cross-check failed: ${run.stderr || run.stdout}`);
  const [, requests, micros, p50, p95, p99, max, non2xx, timeouts, socketErrors] = m;
  console.log(
    `  wrk, ${OVERLOAD_CONNECTIONS} connections, ${OVERLOAD_SECONDS} s of claims lists and creates: ${requests} answers (${(Number(requests) / (Number(micros) / 1e6)).toFixed(0)}/s), non-2xx ${non2xx}, p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms (target ≤ 2000), over 10 s ${timeouts}, socket errors ${socketErrors}`,
  );
  console.log(
    run.stdout
      .split("\n")
      .filter((l) => l.startsWith("P "))
      .join("; "),
  );
}
/** Linux's counters of connections the listen queue dropped and SYNs sent again (a dropped SYN is retried after 1 s, then 3 s). */
function tcpCounters(): Record<string, number> | null {
  try {
    const lines = readFileSync("/proc/net/netstat", "utf8").split("\n");
    const names = lines[0]!.split(/\s+/);
    const values = lines[1]!.split(/\s+/).map(Number);
    const all = Object.fromEntries(names.map((n, i) => [n, values[i]!]));
    return Object.fromEntries(["ListenOverflows", "ListenDrops", "TCPSynRetrans", "TCPTimeouts"].map((k) => [k, all[k] ?? 0]));
  } catch {
    return null;
  }
}
const f = (n: number) => n.toFixed(1);
const summary = (ms: number[]) =>
  `p50 ${f(percentile(ms, 50))} ms, p95 ${f(percentile(ms, 95))} ms, p99 ${f(percentile(ms, 99))} ms, max ${f(Math.max(...ms))} ms`;
try {
  const team = await createTeam(server.db);
  const text = Array.from(
    { length: 400 },
    (_, i) => `Paragraph ${i}: NATO Secretary General Jens Stoltenberg visited Seoul and Tokyo in January 2023.`,
  ).join("\n");
  const articles = await Promise.all(Array.from({ length: 5 }, () => createArticle(server.db, { team, text, stripFurniture: false })));
  const signIn = async (role: "reviewer" | "editor") => {
    const user = await createUser(server.db, { team, role });
    return signInCookie(server.url, user.email);
  };
  const cookies: string[] = [];
  for (let i = 0; i < Math.max(REVIEWERS, OVERLOAD_USERS); i++) cookies.push(await signIn("reviewer"));
  // Each phase tags words of a length of its own (20, 21; wrk's 22): one person's second tag of the same words is
  // refused (create-claim.ts), and within a phase a reviewer's starts do not repeat.
  const span = (i: number, length: number) => {
    const start = (i * 37) % (text.length - 40);
    return { start, end: start + length };
  };
  // The client's id becomes the claim's (create-claim.ts), so the update needs no response body.
  const createBody = (articleIdx: number, i: number, clientId = randomUUID(), length = 20) =>
    JSON.stringify({ versionId: articles[articleIdx]!.versions[0]!.id, ...span(i, length), verdict: "verified", clientId });

  // 1. Fifty reviewers, each creating a claim, then changing its verdict, in a loop.
  {
    const client = httpClient(server.url, REVIEWERS);
    const latencies: number[] = [];
    const statuses = new Map<string, number>();
    let creates = 0;
    let updates = 0;
    let errors = 0;
    let rateLimited = 0;
    const until = performance.now() + LOAD_SECONDS * 1000;
    const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
    await Promise.all(
      Array.from({ length: REVIEWERS }, async (_, r) => {
        const headers = { Cookie: cookies[r]!, "Content-Type": "application/json", Origin: server.url };
        const path = `/api/articles/${articles[r % articles.length]!.id}/claims`;
        for (let i = 0; performance.now() < until; i++) {
          const id = randomUUID();
          const sent: Timed = await client
            .send("POST", path, headers, createBody(r % articles.length, r * 100_000 + i, id))
            .catch(() => ({ ms: 0, status: 0, headers: {} }));
          latencies.push(sent.ms);
          count(`POST ${sent.status}`);
          if (sent.status !== 201) {
            // A reviewer here writes without pause, near the limit of 600 writes a minute (CLAIMDESK_WRITES_PER_MINUTE):
            // past it, a 429 is the limit doing its work, counted apart. Anything else is an error.
            if (sent.status === 429) rateLimited++;
            else errors++;
            // Told to come back later, a client does (Retry-After) rather than hammering.
            if (sent.status === 503 || sent.status === 429)
              await new Promise((r) => setTimeout(r, 1000 * Number(sent.headers["retry-after"] ?? 1)));
            continue;
          }
          creates++;
          const patched: Timed = await client
            .send("PATCH", `/api/claims/${id}`, headers, JSON.stringify({ version: 1, verdict: "disputed" }))
            .catch(() => ({ ms: 0, status: 0, headers: {} }));
          latencies.push(patched.ms);
          count(`PATCH ${patched.status}`);
          if (patched.status === 200) updates++;
          else if (patched.status === 429) {
            rateLimited++;
            await new Promise((r) => setTimeout(r, 1000 * Number(patched.headers["retry-after"] ?? 1)));
          } else errors++;
        }
      }),
    );
    const opened = client.opened();
    client.close();
    const ids = articles.map((a) => a.id);
    const rows = await server.db.annotation.count({ where: { articleId: { in: ids } } });
    const updated = await server.db.annotation.count({ where: { articleId: { in: ids }, version: 2 } });
    const beyond = await server.db.annotation.count({ where: { articleId: { in: ids }, version: { gt: 2 } } });
    console.log(
      `load (${process.env.BENCH_DATABASE_URL ? "postgres" : "sqlite"}): ${REVIEWERS} reviewers creating and updating claims for ${LOAD_SECONDS} s`,
    );
    console.log(
      `  requests ${latencies.length} (${(latencies.length / LOAD_SECONDS).toFixed(0)}/s; per reviewer ${(latencies.length / REVIEWERS / (LOAD_SECONDS / 60)).toFixed(0)} writes/min, limit 600): ${summary(latencies)}`,
    );
    console.log(
      `  errors ${errors} (target 0); rate-limited (429, the per-user limit) ${rateLimited}; statuses ${JSON.stringify(Object.fromEntries(statuses))}; connections opened ${opened} for ${REVIEWERS} reviewers`,
    );
    console.log(
      `  rows = acknowledgements: ${rows} annotation rows for ${creates} created (201); ${updated} rows at version 2 for ${updates} updates (200), ${beyond} beyond (target: equal, equal, 0)`,
    );
  }

  // 2. Overload: far more connections than the server works on at once, on fresh articles of 200 claims each.
  {
    const busy = await Promise.all(Array.from({ length: 5 }, () => createArticle(server.db, { team, text, stripFurniture: false })));
    const author = await createUser(server.db, { team, role: "editor" });
    for (const a of busy) {
      await server.db.annotation.createMany({
        data: Array.from({ length: 200 }, (_, i) => ({
          teamId: team.id,
          articleId: a.id,
          versionId: a.versions[0]!.id,
          authorId: author.id,
          ...span(i, 19),
          exact: text.slice(span(i, 19).start, span(i, 19).end),
          prefix: "",
          suffix: "",
          verdict: "verified" as const,
        })),
      });
    }
    articles.splice(0, articles.length, ...busy);
    // One keep-alive connection per client, as each browser (and each wrk connection) has its own: with one shared pool,
    // the sockets of clients pausing after a 503 were taken by others in turn (last in, first out), some sat idle past
    // the server's keep-alive timeout and were closed, and the pool opened new connections in bursts.
    const clients = Array.from({ length: OVERLOAD_CONNECTIONS }, () => httpClient(server.url, 1));
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    /** Answers that took over 2 s, by status: served ones held a slot too long, shed ones waited for the event loop. */
    const slow = new Map<number, number>();
    /** Where the time of each answer over 2 s went (bench/support/http-client.ts). */
    const slowPhases: Phases[] = [];
    const tcpBefore = tcpCounters();
    let failures = 0;
    const until = performance.now() + OVERLOAD_SECONDS * 1000;
    const t0 = performance.now();
    // This process's own event-loop delay: a response that arrives meanwhile is timed late by as much.
    const clientLoop = monitorEventLoopDelay({ resolution: 10 });
    clientLoop.enable();
    await Promise.all(
      Array.from({ length: OVERLOAD_CONNECTIONS }, async (_, c) => {
        const headers = { Cookie: cookies[c % OVERLOAD_USERS]!, "Content-Type": "application/json", Origin: server.url };
        const a = c % articles.length;
        const client = clients[c]!;
        for (let i = 0; performance.now() < until; i++) {
          const sent = await (
            i % 2 === 0
              ? client.send("GET", `/api/articles/${articles[a]!.id}/claims`, headers)
              : client.send(
                  "POST",
                  `/api/articles/${articles[a]!.id}/claims`,
                  headers,
                  createBody(a, 10_000_000 + c * 100_000 + i, undefined, 21),
                )
          ).catch(() => null);
          if (!sent) {
            failures++;
            continue;
          }
          latencies.push(sent.ms);
          statuses.set(sent.status, (statuses.get(sent.status) ?? 0) + 1);
          if (sent.ms > 2000) {
            slow.set(sent.status, (slow.get(sent.status) ?? 0) + 1);
            slowPhases.push(sent.phases!);
          }
          // A client told to come back later does (Retry-After), as browsers' retries would; without it the bench measures only how fast 503s go out.
          if (sent.status === 503 || sent.status === 429)
            await new Promise((r) => setTimeout(r, 1000 * Number(sent.headers["retry-after"] ?? 1)));
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    clientLoop.disable();
    const opened = clients.reduce((n, client) => n + client.opened(), 0);
    for (const client of clients) client.close();
    const tcpAfter = tcpCounters();
    const of = (s: number) => statuses.get(s) ?? 0;
    const ok = [...statuses].filter(([s]) => s < 400).reduce((n, [, k]) => n + k, 0);
    const other = latencies.length - ok - of(503) - of(429);
    const overTwo = latencies.filter((ms) => ms > 2000).length;
    console.log(
      `overload: ${OVERLOAD_CONNECTIONS} connections of ${OVERLOAD_USERS} users for ${OVERLOAD_SECONDS} s (claims lists of 200+ claims and creates; the server works on at most ${DEFAULT_LIMITS.CLAIMDESK_MAX_IN_FLIGHT} at once, ${DEFAULT_LIMITS.CLAIMDESK_QUEUE_LIMIT} waiting up to ${DEFAULT_LIMITS.CLAIMDESK_QUEUE_WAIT_MS} ms)`,
    );
    console.log(
      `  requests ${latencies.length}: served ${ok} (${(ok / seconds).toFixed(0)}/s), shed 503 ${of(503)}, rate-limited 429 ${of(429)}, other ${other}, connection failures ${failures} (target: excess as 503/429, 0 other, 0 failures)`,
    );
    console.log(
      `  latency ${summary(latencies)}; over 2 s: ${overTwo} (target 0; max wait ≤ 2000 ms)${overTwo ? `, by status ${JSON.stringify(Object.fromEntries(slow))}` : ""}`,
    );
    console.log(`  statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    if (slowPhases.length) {
      const most = (k: "queued" | "connecting" | "waiting" | "reading") => f(Math.max(...slowPhases.map((p) => p[k])));
      console.log(
        `  the answers over 2 s: ${slowPhases.filter((p) => p.newSocket).length} on a new connection; longest wait for a socket ${most("queued")} ms, to connect ${most("connecting")} ms, for the answer once sent ${most("waiting")} ms, reading it ${most("reading")} ms`,
      );
    }
    console.log(
      `  connections opened ${opened} for ${OVERLOAD_CONNECTIONS} clients${
        tcpBefore && tcpAfter
          ? `; kernel (this network namespace): ${Object.keys(tcpAfter)
              .map((k) => `${k} +${tcpAfter[k]! - tcpBefore[k]!}`)
              .join(", ")}`
          : ""
      }`,
    );
    console.log(
      `  the client's own event-loop delay: p99 ${f(clientLoop.percentile(99) / 1e6)} ms, max ${f(clientLoop.max / 1e6)} ms (it adds to the latencies above)`,
    );
    wrkOverload(
      articles.map((a) => ({ id: a.id, versionId: a.versions[0]!.id })),
      cookies.slice(0, OVERLOAD_USERS),
    );
  }
  for (const line of server.log().match(/^Overloaded: .*$/gm) ?? []) console.log(`  server: ${line}`);
  const busy = server.log().match(/SQLITE_BUSY|database is locked/g)?.length ?? 0;
  console.log(`  SQLITE_BUSY / "database is locked" in the server log: ${busy}`);
} finally {
  await server.stop();
}
