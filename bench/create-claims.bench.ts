/**
 * Creating claims through the API (issue 2): 1,000 claims from 10 concurrent
 * clients (p50, p95, throughput, errors), and the 1-connection p50 against a
 * route that only returns { ok: true }.
 * Targets: 1-connection p50 ≤ 3× the ping p50; 10-connection p95 ≤ 50 ms,
 * no errors, no SQLITE_BUSY.
 */
import { createArticle, createTeam, createUser } from "@/seeds/factories";
import { percentile, signInCookie, startBenchServer } from "./support/bench-server";

const TOTAL = Number(process.env.BENCH_CLAIMS ?? 1000);
const CLIENTS = 10;

const server = await startBenchServer("create-claims", 3201);
try {
  const team = await createTeam(server.db);
  const user = await createUser(server.db, { team, role: "editor" });
  const text = Array.from({ length: 200 }, (_, i) => `Paragraph ${i}: NATO Secretary General Jens Stoltenberg visited Seoul and Tokyo in January 2023.`).join("\n");
  const article = await createArticle(server.db, { team, text, stripFurniture: false });
  const versionId = article.versions[0]!.id;
  const cookie = await signInCookie(server.url, user.email);
  const headers = { Cookie: cookie, "Content-Type": "application/json" };

  const timed = async (fn: () => Promise<Response>) => {
    const t0 = performance.now();
    const res = await fn();
    await res.arrayBuffer();
    const st = res.headers.get("server-timing") ?? "";
    const dur = (name: string) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(st)?.[1] ?? NaN);
    return { ms: performance.now() - t0, status: res.status, auth: dur("auth"), handler: dur("handler") };
  };
  const post = (i: number) =>
    timed(() =>
      fetch(`${server.url}/api/articles/${article.id}/claims`, {
        method: "POST",
        headers,
        body: JSON.stringify({ versionId, start: (i * 7) % 15_000, end: ((i * 7) % 15_000) + 12, verdict: "verified" }),
      }),
    );

  // Warm up both routes (JIT, connection pool, prepared statements).
  for (let i = 0; i < 30; i++) {
    await timed(() => fetch(`${server.url}/api/ping`));
    await post(i);
  }

  const ping: number[] = [];
  for (let i = 0; i < 200; i++) ping.push((await timed(() => fetch(`${server.url}/api/ping`))).ms);
  const single: number[] = [];
  const auth: number[] = [];
  const handler: number[] = [];
  for (let i = 0; i < 200; i++) {
    const r = await post(i);
    single.push(r.ms);
    auth.push(r.auth);
    handler.push(r.handler);
  }

  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < TOTAL) {
        const r = await post(next++);
        latencies.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const errors = [...statuses].filter(([s]) => s !== 201).reduce((n, [, c]) => n + c, 0);
  const stored = await server.db.annotation.count({ where: { articleId: article.id } });

  const f = (n: number) => n.toFixed(1);
  console.log(`create-claims (${process.env.BENCH_DATABASE_URL ? "postgres" : "sqlite"})`);
  console.log(`  ping p50 ${f(percentile(ping, 50))} ms; create, 1 connection: p50 ${f(percentile(single, 50))} ms (ratio ${(percentile(single, 50) / percentile(ping, 50)).toFixed(2)}×, target ≤ 3×)`);
  console.log(`  of which server-side (p50): sign-in check ${f(percentile(auth, 50))} ms, create use case ${f(percentile(handler, 50))} ms`);
  console.log(`  create, ${CLIENTS} connections, ${TOTAL} claims: p50 ${f(percentile(latencies, 50))} ms, p95 ${f(percentile(latencies, 95))} ms (target ≤ 50), p99 ${f(percentile(latencies, 99))} ms, max ${f(Math.max(...latencies))} ms, throughput ${(TOTAL / seconds).toFixed(0)}/s, errors ${errors}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(`  rows stored: ${stored} (expected ${TOTAL + 230})`);
  const busy = server.log().match(/SQLITE_BUSY|database is locked/g)?.length ?? 0;
  console.log(`  SQLITE_BUSY / "database is locked" in the server log: ${busy}`);
} finally {
  await server.stop();
}
