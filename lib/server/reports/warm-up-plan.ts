/**
 * Which warm-up reports a report worker lays out when it starts, and in
 * which formats (./warm-up-reports.ts makes the reports and says why). Kept
 * apart from them, since they are made by the loader's steps: the pool on
 * the server thread, and instrumentation.ts, read the plan without loading
 * the database modules.
 */
import { REPORT_FORMATS, type ReportFormat } from "@/lib/export/report-model";

/** What a worker lays out when it starts: `reports` in every format, then `pdfReports` more as PDF alone. */
export type WarmUpPlan = { reports: number; pdfReports: number };

/** No warm-up: a pool made in a test, unless it asks for one. */
export const NO_WARM_UP: WarmUpPlan = { reports: 0, pdfReports: 0 };

/** Reports in every format each of the server's workers lays out first. */
export const WARM_UP_REPORTS = 16;

/** The server's pool's plan, `pdfReports` from the limits (a pool made in a test warms up only if it asks). */
export const serverWarmUp = (pdfReports: number): WarmUpPlan => ({ reports: WARM_UP_REPORTS, pdfReports });

/** The formats of the first phase: all of them, the PDF first. */
const EVERY_FORMAT = ["pdf", ...REPORT_FORMATS.filter((f) => f !== "pdf")] as const;
const PDF_ONLY = ["pdf"] as const;

/** The pieces of `plan` in order: each one report (its number) and the formats it is laid out in. */
export function* warmUpPieces(plan: WarmUpPlan): Generator<{ n: number; formats: readonly ReportFormat[] }> {
  for (let n = 0; n < plan.reports + plan.pdfReports; n++) yield { n, formats: n < plan.reports ? EVERY_FORMAT : PDF_ONLY };
}
