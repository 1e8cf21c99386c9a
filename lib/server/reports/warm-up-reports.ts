/**
 * What a report worker lays out when it starts, before anyone asks for a
 * report: a few small reports in every format. A fresh worker runs each
 * format's code unoptimized at first, and a PDF is the costly case: the
 * first 10,000 claims as PDF took 3.1-3.4 s on fresh workers where the next
 * took 1.9-2.1 s (two workers, this machine). Sixteen reports of 20 claims
 * in every format, about a second of each worker at its lowered priority,
 * cut that first export's extra time to 0.4-0.7 s. More of them, a report
 * of 1,000 claims, a large CSV task or 24 real-size articles exported first
 * left the same: the rest is not a worker's first pass through the code,
 * and its cause is not known (docs/reports.md).
 *
 * Its cost: the workers hold their memory from the start rather than from
 * the first export (a warmed worker about 70 MB more than a started one,
 * what its first real PDF would add anyway).
 *
 * The worker lays them out only while it has no task (./report-worker.ts):
 * a report asked for meanwhile waits for one small piece at most.
 */
import { REPORT_FORMATS, type ReportModel } from "@/lib/export/report-model";
import { SAMPLE_TEXT, makeReportModel, sampleClaims } from "@/lib/export/sample-report-model";

/** Reports each worker lays out when it starts (ReportPool's default for the server's pool). */
export const WARM_UP_REPORTS = 16;

/** Times the sample article repeats in one warm-up report (its four claims each time). */
const REPEATS = 5;

/** The formats a warm-up report is laid out in: all of them, the PDF first. */
export const WARM_UP_FORMATS = ["pdf", ...REPORT_FORMATS.filter((f) => f !== "pdf")] as const;

/** The `n`th warm-up report: the sample article five times over, with its claims in each (20 claims). */
export function warmUpModel(n: number): ReportModel {
  const text = Array.from({ length: REPEATS }, () => SAMPLE_TEXT).join("\n");
  const claims = Array.from({ length: REPEATS }, (_, r) =>
    sampleClaims().map((c) => ({ ...c, from: r * (SAMPLE_TEXT.length + 1) })),
  ).flat();
  const model = makeReportModel({ text, claims });
  return { ...model, article: { ...model.article, id: `warm-up-${n}` } };
}
