/**
 * The article list at 10,000 articles: the time
 * lib/server/articles/list-articles.ts takes (the route's server time, less
 * the sign-in check) for the default page, full-text searches, each filter,
 * each sort and a deep page, median of 7 runs after a warm-up, on SQLite and
 * (when a local server answers, or BENCH_PG_URL names one) PostgreSQL.
 * The desk: 10,000 articles of 2–6 kB of text, one in three reviewed (rounds
 * open, revealed or closed), 50,000 annotations, disputed claims on one in eight.
 * Run: `npm run bench article-list` (BENCH_REUSE=1 reuses the desk a previous run seeded).
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { benchDatabaseUrl, prepareBenchDatabase } from "./support/bench-database";

const ARTICLES = 10_000;
const RUNS = 7;
const kind = process.argv[2];

if (!kind) {
  const pgUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const kinds = ["sqlite"];
  try {
    const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
    await c.connect();
    await c.end();
    kinds.push("postgres");
  } catch {
    console.log("PostgreSQL: skipped (no local server; set BENCH_PG_URL)");
  }
  for (const k of kinds) {
    // The bench's own database on that server (bench/support/bench-database.ts): claimdesk_bench_article_list.
    const url = k === "postgres" ? Object.assign(new URL(pgUrl), { pathname: "/claimdesk_bench" }).toString() : undefined;
    spawnSync("npx", ["tsx", "bench/article-list.bench.ts", k], {
      stdio: "inherit",
      env: { ...process.env, ...(url ? { BENCH_DATABASE_URL: url } : {}) },
    });
  }
  process.exit(0);
}

const reuse = process.env.BENCH_REUSE === "1";
if (reuse) process.env.DATABASE_URL = benchDatabaseUrl("article-list");
else await prepareBenchDatabase("article-list");
const { db, closeDb } = await import("@/lib/db");
const { findArticlePage } = await import("@/lib/server/articles/list-articles");
const { viewerOf } = await import("@/lib/server/visibility/viewer");
const { listArticlesSchema } = await import("@/lib/schemas/article");
const { createTeam, createUser, sha256Hex } = await import("@/seeds/factories");

// A seeded generator: every run benches the same desk.
let seed = 130013;
const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed % n);
const WORDS = (
  "nato alliance secretary general stoltenberg seoul tokyo korea japan ukraine russia china council budget minister president " +
  "weapons support security region said urged called war aid military the of and to in a on for with as that its which their talks summit " +
  "agency analyst policy countries partners east asia pacific nuclear election mayor court health climate drought flood market inflation rates " +
  "hospital school police transit strike housing rent wages energy prices farmers harvest water rail port bridge museum"
).split(" ");
const OUTLETS = [
  "Korea Herald",
  "Japan Times",
  "Riverside Ledger",
  "Metro Tribune",
  "World Service News",
  "The Herald",
  "Global Wire",
  "Allied Press",
  "Le Quotidien",
  "Diario del Sur",
];
const sentence = () => {
  const w = Array.from({ length: 8 + rand(16) }, () => WORDS[rand(WORDS.length)]!);
  return `${w.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
};
const paragraph = () => Array.from({ length: 2 + rand(4) }, sentence).join(" ");
const date = (i: number) => new Date(Date.UTC(2021, 0, 1) + (i % 1400) * 86_400_000).toISOString().slice(0, 10);

const previous = reuse ? await db.membership.findFirst({ where: { role: "editor" }, include: { team: true, user: true } }) : null;
const team = previous?.team ?? (await createTeam(db));
const editor = previous?.user ?? (await createUser(db, { team, role: "editor" }));
const reviewer = previous?.user ?? (await createUser(db, { team, role: "reviewer" }));
const user = await viewerOf({
  id: editor.id,
  email: editor.email,
  name: editor.name,
  teamId: team.id,
  teamName: team.name,
  role: "editor" as const,
  teams: [{ id: team.id, name: team.name, role: "editor" as const }],
});

const t0 = performance.now();
for (let start = 0; start < (previous ? 0 : ARTICLES); start += 500) {
  const batch = Array.from({ length: Math.min(500, ARTICLES - start) }, (_, k) => {
    const i = start + k;
    const text = Array.from({ length: 4 + rand(8) }, paragraph).join("\n");
    return { i, id: randomUUID(), versionId: randomUUID(), text, title: i % 50 === 0 ? null : sentence().slice(0, 120) };
  });
  await db.article.createMany({
    data: batch.map((a) => ({
      id: a.id,
      teamId: team.id,
      title: a.title,
      outlet: OUTLETS[a.i % OUTLETS.length]!,
      author: `Reporter ${a.i % 97}`,
      publishedDate: a.i % 25 === 0 ? null : date(a.i),
    })),
  });
  await db.articleVersion.createMany({
    data: batch.map((a) => ({
      id: a.versionId,
      articleId: a.id,
      number: 1,
      text: a.text,
      textHash: sha256Hex(a.text),
      length: a.text.length,
    })),
  });
  const rounds = batch.filter((a) => a.i % 3 === 0);
  await db.reviewRound.createMany({
    data: rounds.map((a) => ({
      teamId: team.id,
      articleId: a.id,
      versionId: a.versionId,
      createdById: editor.id,
      adjudicatorId: editor.id,
      status: (["open", "revealed", "adjudicated", "closed"] as const)[a.i % 4]!,
    })),
  });
  await db.annotation.createMany({
    data: batch.flatMap((a) =>
      Array.from({ length: 5 }, (_, n) => ({
        teamId: team.id,
        articleId: a.id,
        versionId: a.versionId,
        authorId: n % 2 ? editor.id : reviewer.id,
        start: 0,
        end: 5,
        exact: a.text.slice(0, 5),
        prefix: "",
        suffix: "",
        verdict: (a.i % 8 === 0 && n === 0 ? "disputed" : "verified") as "disputed" | "verified",
        deletedAt: n === 4 && a.i % 2 ? new Date() : null,
      })),
    ),
  });
}
const seeded = performance.now() - t0;
// The statistics autovacuum gathers within a minute of a bulk load: before them, PostgreSQL's first "no review"
// query after seeding planned without row counts and took about 6 s (later runs 13-20 ms).
if (kind === "postgres" && !previous) await db.$executeRawUnsafe("ANALYZE");

const cases: [string, Record<string, string>][] = [
  ["default page (newest first)", {}],
  ["search: one common word", { q: "stoltenberg" }],
  ["search: two words", { q: "hospital strike" }],
  ["search: a prefix", { q: "infl" }],
  ["search: no match", { q: "zanzibarian" }],
  ["filter: outlet", { outlet: "japan times" }],
  ["filter: date range", { from: "2022-01-01", to: "2022-06-30" }],
  ["filter: review open", { review: "open" }],
  ["filter: awaiting adjudication", { review: "awaiting" }],
  ["filter: no review", { review: "none" }],
  ["filter: has disputed claims", { disputed: "1" }],
  ["sort: title", { sort: "title" }],
  ["sort: claim count", { sort: "claims" }],
  ["search + filters + sort", { q: "council", review: "adjudicated", sort: "claims" }],
  ["page 400 of 400", { page: "400" }],
];
const kindLabel = kind === "postgres" ? "PostgreSQL" : "SQLite";
console.log(
  `\n${kindLabel}: ${(await db.article.count({ where: { teamId: team.id } })).toLocaleString("en")} articles ${previous ? "(reused)" : `seeded in ${(seeded / 1000).toFixed(1)} s`}; median of ${RUNS} runs (ms)`,
);
let worst = 0;
for (const [label, q] of cases) {
  const query = listArticlesSchema.parse(q);
  await findArticlePage(user, query);
  const times: number[] = [];
  const cpu: number[] = [];
  let total = 0;
  for (let r = 0; r < RUNS; r++) {
    const s = performance.now();
    const c = process.cpuUsage();
    total = (await findArticlePage(user, query)).total;
    const u = process.cpuUsage(c);
    times.push(performance.now() - s);
    cpu.push((u.user + u.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const median = times[RUNS >> 1]!;
  worst = Math.max(worst, median);
  // On SQLite the query runs in this process, so its CPU time is the server's own work, whatever else the machine is doing.
  const own = kind === "sqlite" ? `; CPU ${cpu[RUNS >> 1]!.toFixed(1)}` : "";
  console.log(
    `  ${label.padEnd(32)} ${median.toFixed(1).padStart(7)}   (max ${times.at(-1)!.toFixed(1)}${own}; ${total.toLocaleString("en")} match)`,
  );
}
console.log(`  slowest median: ${worst.toFixed(1)} ms (target: under 100 ms)`);
await closeDb();
process.exit(0);
