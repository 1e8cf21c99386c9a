/**
 * What a report worker lays out when it starts, before anyone asks for a
 * report. A fresh worker runs each format's code unoptimized at first, and
 * a PDF is the costly case: the first 10,000 claims as PDF took 3.1-3.4 s
 * on fresh workers where the next took 1.9-2.1 s (two workers, this machine).
 *
 * Two phases, on reports made as the loader makes them (warmUpModel):
 * - WARM_UP_REPORTS (./warm-up-plan.ts) small reports (20 claims) in
 *   every format, about a second of each worker;
 * - then `CLAIMDESK_REPORT_WARM_UP_PDFS` more as PDF alone (150 by default,
 *   about 3 s of each worker at its lowered priority): per-document code
 *   (fonts, subsets, the structure tree) is still being optimized over a
 *   worker's first hundred or so documents.
 *
 * Measured in bench/export (10,000 claims over 100 articles, end to end from
 * the database, three runs each), the first PDF after a start took:
 * - on PostgreSQL 3,372-4,056 ms with the first phase on sample objects of
 *   other shapes (later ones 2.4-2.6 s); 2,856-3,114 ms with the first phase
 *   on the loader's shapes; 2,576-2,714 ms with both phases (later ones
 *   2.3-2.5 s);
 * - on SQLite 3,308-3,582 ms before, 2,490-2,499 ms with both.
 * Neither a report of 1,000 claims, nor 24 real-size articles, nor 150 MB
 * allocated and let go did the same (docs/reports.md).
 *
 * Its cost: the workers hold their memory from the start rather than from
 * the first large export (two workers: 560 MB resident against 423 MB
 * without the second phase, and 704 against 755 MB after two large PDF
 * exports), and requests in those seconds compete with it for the cores. A
 * server that starts often and exports little (a test's, a benchmark's)
 * sets the second phase to 0.
 *
 * The worker lays them out only while it has no task (./report-worker.ts):
 * a report asked for meanwhile waits for one small piece at most.
 */
import type { ReportClaim, ReportModel } from "@/lib/export/report-model";
import type { FinalClaim } from "@/lib/schemas/final-claim";
import { assembleReportModel } from "./load-report";
import { toReportTeam } from "./report-team";
import { toReportClaim } from "./to-report-claim";
import { SAMPLE_TEXT, makeReportModel, sampleClaims } from "@/lib/export/sample-report-model";

/** Times the sample article repeats in one warm-up report (its four claims each time). */
const REPEATS = 5;

/**
 * The `n`th warm-up report: the sample article five times over, with its
 * claims in each (20 claims), made by the loader's own steps
 * (toReportClaim, toReportTeam, assembleReportModel) from rows as the
 * database would give them. The builders' optimized code is specialized to
 * the shapes of the objects it met (V8's hidden classes: which fields, in
 * which order), so a warm-up on objects of other shapes left a loaded
 * report to be optimized again (tests/integration/warm-up-shapes.test.ts
 * holds the two to one shape).
 */
export function warmUpModel(n: number): ReportModel {
  const text = Array.from({ length: REPEATS }, () => SAMPLE_TEXT).join("\n");
  const claims = Array.from({ length: REPEATS }, (_, r) =>
    sampleClaims().map((c) => ({ ...c, from: r * (SAMPLE_TEXT.length + 1) })),
  ).flat();
  const sample = makeReportModel({ text, claims });
  return assembleReportModel({
    opts: { baseUrl: sample.baseUrl, now: new Date(sample.generatedAt) },
    team: toReportTeam({ ...NO_SETTINGS, id: sample.team.id, name: sample.team.name, slug: "demo-desk" }),
    article: { ...sample.article, id: `warm-up-${n}` },
    version: { ...sample.version, createdAt: new Date(sample.version.createdAt), lineKinds: null },
    corrections: [],
    round: null,
    rejected: [],
    assigned: [],
    publication: null,
    claims: sample.claims.map((c) => toReportClaim(finalClaimOf(c, sample), c.number)),
  });
}

const NO_SETTINGS = {
  publisherName: null,
  publisherUrl: null,
  publisherLogoUrl: null,
  labelVerified: null,
  labelDisputed: null,
  labelUnsourced: null,
  ratingScale: null,
  language: null,
};

/** A sample claim as list-final-claims.ts reads one: what toReportClaim takes. */
function finalClaimOf(c: ReportClaim, m: ReportModel): FinalClaim {
  return {
    id: c.id,
    source: c.cluster ? "round" : "editor",
    articleId: m.article.id,
    versionId: m.version.id,
    start: c.start,
    end: c.end,
    exact: c.exact,
    prefix: c.prefix,
    suffix: c.suffix,
    anchorState: c.anchorState,
    anchorScore: c.anchorScore,
    version: 1,
    verdict: c.verdict,
    rationaleHtml: c.rationaleHtml,
    speaker: c.speaker ?? null,
    firstAppearanceUrl: c.firstAppearance?.url ?? null,
    firstAppearanceDate: c.firstAppearance?.date ?? null,
    evidence: c.evidence.map(({ stance, pinpoint, deleted, internal, ...item }, i) => ({
      linkId: `${c.id}-${i}`,
      stance,
      pinpoint,
      evidence: { ...item, quote: null, datePrecision: null, deleted, internal: internal ?? false },
    })),
    members: c.reviews.map((r, i) => ({
      annotationId: `${c.id}-${i}`,
      author: r.reviewer,
      start: r.start,
      end: r.end,
      exact: r.exact,
      verdict: r.verdict,
      rationaleHtml: r.rationaleText,
    })),
    cluster: c.cluster && { id: `${c.id}-cluster`, roundId: "warm-up-round", number: c.cluster.number, kind: c.cluster.kind },
    decision: c.decision && {
      id: `${c.id}-decision`,
      decider: c.decision.by,
      boundary: c.decision.boundary,
      rationaleHtml: c.decision.rationaleHtml,
      createdAt: c.decision.at,
    },
    author: c.author,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
