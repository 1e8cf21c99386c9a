/**
 * Report export.
 *
 *   A. builders alone, in memory: one article of 1,000 claims, and 100
 *      articles of 100 claims (10,000) per format: the floor of an export.
 *   B. team export of 10,000 claims over 100 articles, end to end as the ZIP
 *      job runs it (load on a report worker, one query per table per batch;
 *      build; compress into a temporary file), per format. Target ≤ 1 s
 *      (PDF ≤ 3 s), ≤ 300 MB extra memory at peak, and the server thread
 *      never stalled (longest event-loop delay, the most a ping would wait).
 *      Each format's first export is timed apart (the workers compile its
 *      code then); the median is of the ROUNDS after it, and the memory and
 *      stall figures count the first too.
 *   C. the largest article the import accepts (1 MiB, with and without
 *      spaces, 1,000 claims): PDF and HTML, end to end on a worker.
 *
 * Timings are medians of BENCH_ROUNDS runs (3). On a fresh SQLite bench
 * database, or BENCH_DATABASE_URL. Prints figures; not pass/fail.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { REPORT_FORMATS, type ReportFormat, type ReportModel } from "@/lib/export/report-model";
import { renderReport } from "@/lib/export/render-report";
import { evidence, makeReportModel, type ClaimSpec } from "@/tests/fixtures/report-model";
import type { ZipJob } from "@/lib/server/reports/zip-jobs";
import { prepareBenchDatabase } from "./support/bench-database";
import { anchorFields } from "@/lib/schemas/claim";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** BENCH_FORMATS=pdf,csv measures those formats alone in A and B (every format by default); BENCH_LARGEST=0 skips C. */
const FORMATS = process.env.BENCH_FORMATS
  ? REPORT_FORMATS.filter((f) => process.env.BENCH_FORMATS!.split(",").includes(f))
  : REPORT_FORMATS;
const LARGEST = process.env.BENCH_LARGEST !== "0";
const VERDICTS = ["verified", "disputed", "unsourced"] as const;
const TARGET_MS: Record<ReportFormat, number> = { html: 1000, pdf: 3000, md: 1000, csv: 1000, claimreview: 1000, w3c: 1000 };
const MEMORY_TARGET_MB = 300;
const STALL_TARGET_MS = 100;

/** An article of `n` paragraphs, each holding one claimable sentence with curly quotes and accents. */
function articleText(n: number, tag: string): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `Paragraph ${i} of ${tag}. Officials said “claim ${i} is true” at the café on day ${i}, according to the report. Nothing else here.`,
  ).join("\n");
}
const claimPhrase = (i: number) => `“claim ${i} is true” at the café on day ${i}`;

function model(n: number, tag: string): ReportModel {
  const claims: ClaimSpec[] = Array.from({ length: n }, (_, i) => ({
    exact: claimPhrase(i),
    verdict: VERDICTS[i % 3]!,
    rationaleHtml: `<p>Rationale ${i} with <strong>emphasis</strong>.</p>`,
    rationaleText: `Rationale ${i} with emphasis.`,
    evidence: i % 2 ? [evidence({ title: `Source ${i}` })] : [],
  }));
  return makeReportModel({
    text: articleText(n, tag),
    claims,
    // Published where the desk says, as a fact-check whose ClaimReview is exported is (an unpublished one has none).
    over: {
      article: { id: tag, title: `Article ${tag}`, outlet: "Bench", author: null, publishedDate: "2023-01-30", url: null },
      publishedUrl: `https://fact-checks.bench.local/${tag}`,
    },
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

/**
 * Runs `fn` ROUNDS times; the median time, the peak of the process's resident
 * memory above what it was before (every thread: the workers are in it), the
 * longest event-loop delay of this thread meanwhile (on a busy machine it
 * includes waiting for a core), and the share of the time this thread was
 * busy (its event-loop utilization: what the export itself costs it), and
 * the CPU time of every thread of the process (a figure that a busy machine
 * changes less than the time on the clock).
 */
async function measure(fn: () => Promise<unknown>, rounds = ROUNDS) {
  const times: number[] = [];
  let extra = 0;
  let stall = 0;
  let busy = 0;
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    global.gc?.();
    const base = process.memoryUsage.rss();
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const elu = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
    busy = Math.max(busy, performance.eventLoopUtilization(elu).utilization);
    delay.disable();
    clearInterval(sampler);
    extra = Math.max(extra, (Math.max(peak, process.memoryUsage.rss()) - base) / 1024 / 1024);
    stall = Math.max(stall, delay.max / 1e6);
  }
  return { ms: median(times), runs: times, cpuMs: median(cpu), extraMb: extra, stallMs: stall, busyPct: busy * 100 };
}

// A. Builders alone (the floor): warm up JIT and fonts first.
for (const f of REPORT_FORMATS) await renderReport(model(20, "warm"), f);
const one = model(1000, "one");
const hundred = Array.from({ length: 100 }, (_, i) => model(100, `a${i}`));
const floor = {} as Record<ReportFormat, number>;
console.log("\nA. builders alone, in memory (the floor), median of", ROUNDS);
console.log(`  ${"format".padEnd(12)} ${"1 × 1,000".padStart(9)} ${"100 × 100".padStart(9)}`);
for (const format of FORMATS) {
  const a = await measure(() => renderReport(one, format));
  const b = await measure(async () => {
    for (const m of hundred) await renderReport(m, format);
  });
  floor[format] = b.ms;
  console.log(`  ${format.padEnd(12)} ${ms(a.ms)} ${ms(b.ms)}`);
}

// The database: 100 articles × 100 claims by an editor, every other claim with evidence.
const dbUrl = await prepareBenchDatabase("export");
const { db, closeDb } = await import("@/lib/db");
const { createArticle, createTeam, createUser } = await import("@/seeds/factories");
const { buildTeamZip } = await import("@/lib/server/reports/build-team-zip");
const { reportPool } = await import("@/lib/server/reports/report-pool");
const { createHeavyArticle, manyWords, unbrokenRun } = await import("@/tests/support/heavy-desk");

const team = await createTeam(db);
const editor = await createUser(db, { team, role: "editor" });
const viewer = { id: editor.id, teamId: team.id, role: "editor" as const };
const source = await db.evidenceItem.create({
  data: { teamId: team.id, kind: "web_source", title: "NATO press release", url: "https://www.nato.int/x" },
});
const articles: { id: string; textLength: number; annotations: number }[] = [];
for (const m of hundred) {
  const article = await createArticle(db, { team, text: m.version.text, stripFurniture: false, meta: { title: m.article.title } });
  const versionId = article.versions[0]!.id;
  const rows = m.claims.map((c) => ({
    id: randomUUID(),
    teamId: team.id,
    articleId: article.id,
    versionId,
    authorId: editor.id,
    ...anchorFields(c),
    verdict: c.verdict,
    rationaleHtml: c.rationaleHtml,
  }));
  await db.annotation.createMany({ data: rows });
  await db.evidenceLink.createMany({
    data: rows
      .filter((_, i) => i % 2)
      .map((r) => ({ teamId: team.id, evidenceId: source.id, annotationId: r.id, stance: "supports" as const })),
  });
  articles.push({ id: article.id, textLength: m.version.text.length, annotations: rows.length });
}
// Published, as a desk's fact-checks are when their ClaimReview is exported: markup for search engines points at the
// public page, and an unpublished article has none (lib/export/claimreview.ts), which would leave that format nothing to build.
{
  const { publishArticle } = await import("@/lib/server/publications/publish-article");
  const { currentUserOf } = await import("@/seeds/factories");
  const { viewerOf } = await import("@/lib/server/visibility/viewer");
  const publisher = await viewerOf(currentUserOf(editor, team, "editor"));
  for (const [i, a] of articles.entries()) await publishArticle(publisher, a.id, { slug: `article-${i + 1}` }, "http://bench.local");
}

/** The team export of every article in one format, as POST /api/reports/zip builds it. */
async function teamExport(formats: ReportFormat[]) {
  const job: ZipJob = {
    id: randomUUID(),
    teamId: team.id,
    userId: editor.id,
    status: "running",
    done: 0,
    total: articles.length,
    error: null,
    file: null,
    bytes: 0,
    filename: "bench.zip",
    finishedAt: null,
  };
  await buildTeamZip(job, articles, formats, "http://bench.local", null, viewer);
  if (!job.file) throw new Error(`export failed: ${job.error}`);
  rmSync(job.file!, { force: true });
  return job.bytes;
}

// The workers as a server's are once it has started (instrumentation.ts): started, and warmed up on small reports
// (lib/server/reports/warm-up-reports.ts). Then one ZIP, so the database reads are warm too.
await reportPool().warm();
await teamExport(["csv"]);
console.log(
  `\nB. team export, 10,000 claims over 100 articles, end to end (${dbUrl.startsWith("file:") ? "SQLite" : "PostgreSQL"}), median of ${ROUNDS}`,
);
console.log(
  `  ${"format".padEnd(12)} ${"time".padStart(9)} ${"floor".padStart(9)} ${"target".padStart(9)} ${"CPU".padStart(9)}   ${"peak extra memory".padEnd(24)} server thread: longest stall, busy`,
);
for (const format of FORMATS) {
  // The format's first export on these workers is apart: it may be slower than the next (a PDF by 0.2-0.3 s after
  // the workers' warm-up; docs/reports.md). Its memory and stall count in the figures.
  const first = await measure(() => teamExport([format]), 1);
  const r = await measure(() => teamExport([format]));
  const extraMb = Math.max(first.extraMb, r.extraMb);
  const stallMs = Math.max(first.stallMs, r.stallMs);
  console.log(
    `  ${format.padEnd(12)} ${ms(r.ms)} ${ms(floor[format])} ${`≤ ${TARGET_MS[format]}`.padStart(9)} ${ms(r.cpuMs)}   ${`${extraMb.toFixed(0)} MB (≤ ${MEMORY_TARGET_MB})`.padEnd(24)} ${stallMs.toFixed(0)} ms (< ${STALL_TARGET_MS}), ${r.busyPct.toFixed(0)}%   runs: ${r.runs.map((t) => t.toFixed(0)).join(", ")}; the format's first: ${first.ms.toFixed(0)} ms`,
  );
}

// C. The largest article the import accepts, 1,000 claims, on a worker (GET /api/articles/{id}/report).
if (LARGEST) console.log(`\nC. the largest article the import accepts (1 MiB), 1,000 claims, end to end on a worker, median of ${ROUNDS}`);
for (const [label, text] of LARGEST
  ? ([
      ["without spaces", unbrokenRun()],
      ["distinct words", manyWords()],
    ] as const)
  : []) {
  const { article } = await createHeavyArticle(db, { team, editorId: editor.id, text, claims: 1000, title: label });
  for (const format of ["pdf", "html"] as const) {
    const r = await measure(() =>
      reportPool().run({ kind: "article", viewer, articleId: article.id, load: { baseUrl: "http://bench.local" }, format }),
    );
    console.log(
      `  ${`${format} ${label}`.padEnd(22)} ${ms(r.ms)}   CPU ${ms(r.cpuMs).trim()}   peak extra memory ${r.extraMb.toFixed(0)} MB   server thread: longest stall ${r.stallMs.toFixed(0)} ms (< ${STALL_TARGET_MS}), busy ${r.busyPct.toFixed(0)}%   runs: ${r.runs.map((t) => t.toFixed(0)).join(", ")}`,
    );
  }
}

await reportPool().close();
await closeDb();
