/**
 * Report export (issue 5): milliseconds per format for
 *   A. one article with 1,000 claims, and
 *   B. 10,000 claims across 100 articles (100 each),
 * first for the pure builders on in-memory models, then end to end from the
 * database (loadReport + build) on a fresh SQLite bench database (or
 * BENCH_DATABASE_URL). Prints figures; not pass/fail.
 */
import { randomUUID } from "node:crypto";
import { REPORT_FORMATS, type ReportFormat, type ReportModel } from "@/lib/export/report-model";
import { renderReport } from "@/lib/export/render-report";
import { evidence, makeReportModel, type ClaimSpec } from "@/tests/fixtures/report-model";
import { prepareBenchDatabase } from "./support/bench-database";

const VERDICTS = ["verified", "disputed", "unsourced"] as const;

/** An article of `n` paragraphs, each holding one claimable sentence with curly quotes and accents. */
function articleText(n: number, tag: string): string {
  return Array.from({ length: n }, (_, i) => `Paragraph ${i} of ${tag}. Officials said “claim ${i} is true” at the café on day ${i}, according to the report. Nothing else here.`).join("\n");
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
  return makeReportModel({ text: articleText(n, tag), claims, over: { article: { id: tag, title: `Article ${tag}`, outlet: "Bench", author: null, publishedDate: "2023-01-30", url: null } } });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function print(title: string, rows: [string, number][]) {
  console.log(`\n${title}`);
  for (const [label, ms] of rows) console.log(`  ${label.padEnd(14)} ${ms.toFixed(0).padStart(7)} ms`);
}

async function perFormat(models: ReportModel[], load?: (i: number) => Promise<ReportModel>): Promise<[string, number][]> {
  const rows: [string, number][] = [];
  for (const format of REPORT_FORMATS as readonly ReportFormat[]) {
    rows.push([format, await time(async () => { for (let i = 0; i < models.length; i++) await renderReport(load ? await load(i) : models[i]!, format); })]);
  }
  return rows;
}

// Warm up (JIT, font parsing).
for (const f of REPORT_FORMATS) await renderReport(model(20, "warm"), f);

const one = [model(1000, "one")];
const hundred = Array.from({ length: 100 }, (_, i) => model(100, `a${i}`));
print("A. builders, 1 article × 1,000 claims", await perFormat(one));
print("B. builders, 100 articles × 100 claims (10,000)", await perFormat(hundred));

// End to end from the database.
const dbUrl = prepareBenchDatabase("export");
const { db } = await import("@/lib/db");
const { loadReport } = await import("@/lib/server/reports/load-report");
const { loadVisibility } = await import("@/lib/server/visibility/viewer");
const { createArticle, createTeam, createUser } = await import("@/seeds/factories");

const team = await createTeam(db);
const editor = await createUser(db, { team, role: "editor" });
const source = await db.evidenceItem.create({ data: { teamId: team.id, kind: "web_source", title: "NATO press release", url: "https://www.nato.int/x" } });
async function seedArticle(m: ReportModel): Promise<string> {
  const article = await createArticle(db, { team, text: m.version.text, stripFurniture: false, meta: { title: m.article.title } });
  const versionId = article.versions[0]!.id;
  const rows = m.claims.map((c) => ({ id: randomUUID(), teamId: team.id, articleId: article.id, versionId, authorId: editor.id, start: c.start, end: c.end, exact: c.exact, prefix: c.prefix, suffix: c.suffix, verdict: c.verdict, rationaleHtml: c.rationaleHtml }));
  await db.annotation.createMany({ data: rows });
  await db.evidenceLink.createMany({ data: rows.filter((_, i) => i % 2).map((r) => ({ teamId: team.id, evidenceId: source.id, annotationId: r.id, stance: "supports" as const })) });
  return article.id;
}
const oneId = await seedArticle(one[0]!);
const hundredIds: string[] = [];
for (const m of hundred) hundredIds.push(await seedArticle(m));
const visibility = await loadVisibility({ id: editor.id, teamId: team.id, role: "editor" });
const load = (ids: string[]) => (i: number) => loadReport(visibility, ids[i]!, { baseUrl: "http://bench.local" });

console.log(`\nDatabase: ${dbUrl.startsWith("file:") ? "SQLite" : "PostgreSQL"}`);
print("A. load + build, 1 article × 1,000 claims", [["load only", await time(() => load([oneId])(0))], ...(await perFormat(one, load([oneId])))]);
print("B. load + build, 100 articles × 100 claims (10,000)", [["load only", await time(async () => { for (let i = 0; i < 100; i++) await load(hundredIds)(i); })], ...(await perFormat(hundred, load(hundredIds)))]);
await db.$disconnect();
