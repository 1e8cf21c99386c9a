/**
 * What a report worker lays out when it starts, before anyone asks for a
 * report. A fresh worker runs each format's code unoptimized at first, and
 * a PDF is the costly case: the first 10,000 claims as PDF took 3.1-3.4 s
 * on fresh workers where the next took 1.9-2.1 s (two workers, this machine).
 *
 * Two phases:
 * - WARM_UP_REPORTS small reports (20 claims) in every format, about a
 *   second of each worker: they cut that first export's extra time to
 *   0.4-0.7 s;
 * - then `CLAIMDESK_REPORT_WARM_UP_PDFS` more as PDF alone (150 by default,
 *   3,000 claims, about 3 s of each worker at its lowered priority). What was
 *   left is the number of documents a worker has laid out: per-document code
 *   (fonts, subsets, the structure tree) is still being optimized over the
 *   first hundred or so. Measured outside the server (two workers, 10,000
 *   claims in 100 reports, three runs each): the first PDF took a median
 *   2,143 ms after this warm-up against 2,900 ms after the first phase alone,
 *   where later ones take 2.0-2.3 s. Neither a report of 1,000 claims, nor
 *   24 real-size articles, nor 150 MB allocated and let go did the same
 *   (docs/reports.md).
 *
 * Its cost: the workers hold their memory from the start rather than from
 * the first large export (about 150 MB more for two workers after the
 * second phase, what that export would add anyway), and a server that
 * starts often and exports little (a test's) may set the second phase to 0.
 *
 * The worker lays them out only while it has no task (./report-worker.ts):
 * a report asked for meanwhile waits for one small piece at most.
 */
import { REPORT_FORMATS, type ReportFormat, type ReportModel } from "@/lib/export/report-model";
import { SAMPLE_TEXT, makeReportModel, sampleClaims } from "@/lib/export/sample-report-model";

/** What a worker lays out when it starts: `reports` in every format, then `pdfReports` more as PDF alone. */
export type WarmUpPlan = { reports: number; pdfReports: number };

/** Reports in every format each of the server's workers lays out first. */
export const WARM_UP_REPORTS = 16;

/** The server's pool's plan, `pdfReports` from the limits (a pool made in a test warms up only if it asks). */
export const serverWarmUp = (pdfReports: number): WarmUpPlan => ({ reports: WARM_UP_REPORTS, pdfReports });

/** The pieces of `plan` in order: each one report (its number) and the formats it is laid out in. */
export function* warmUpPieces(plan: WarmUpPlan): Generator<{ n: number; formats: readonly ReportFormat[] }> {
  for (let n = 0; n < plan.reports + plan.pdfReports; n++) yield { n, formats: n < plan.reports ? WARM_UP_FORMATS : PDF_ONLY };
}

const PDF_ONLY = ["pdf"] as const;

/** Times the sample article repeats in one warm-up report (its four claims each time). */
const REPEATS = 5;

/** The formats a warm-up report is laid out in: all of them, the PDF first. */
const WARM_UP_FORMATS = ["pdf", ...REPORT_FORMATS.filter((f) => f !== "pdf")] as const;

/** The `n`th warm-up report: the sample article five times over, with its claims in each (20 claims). */
export function warmUpModel(n: number): ReportModel {
  const text = Array.from({ length: REPEATS }, () => SAMPLE_TEXT).join("\n");
  const claims = Array.from({ length: REPEATS }, (_, r) =>
    sampleClaims().map((c) => ({ ...c, from: r * (SAMPLE_TEXT.length + 1) })),
  ).flat();
  const model = makeReportModel({ text, claims });
  return { ...model, article: { ...model.article, id: `warm-up-${n}` } };
}
