import type { ReportFormat, ReportModel } from "./report-model";
import { buildHtml } from "./html";
import { buildMarkdown } from "./markdown";
import { buildCsv } from "./csv";
import { buildClaimReviewJson } from "./claimreview";
import { buildW3cJson, W3C_MEDIA_TYPE } from "./w3c";
import { buildPdf, type PdfOptions } from "./pdf";
import { fileStem } from "./report-text";

/** A built report file. */
export type ReportFile = { body: string | Buffer; contentType: string; filename: string };

const FORMATS: Record<
  ReportFormat,
  { contentType: string; suffix: string; build: (m: ReportModel, o: PdfOptions) => string | Promise<Buffer> }
> = {
  html: { contentType: "text/html; charset=utf-8", suffix: "report.html", build: buildHtml },
  pdf: { contentType: "application/pdf", suffix: "report.pdf", build: buildPdf },
  md: { contentType: "text/markdown; charset=utf-8", suffix: "report.md", build: buildMarkdown },
  csv: { contentType: "text/csv; charset=utf-8; header=present", suffix: "claims.csv", build: buildCsv },
  claimreview: { contentType: "application/ld+json; charset=utf-8", suffix: "claimreview.jsonld", build: buildClaimReviewJson },
  w3c: { contentType: `${W3C_MEDIA_TYPE}; charset=utf-8`, suffix: "annotations.jsonld", build: buildW3cJson },
};

/** Builds one format of a report, with its media type and a file name like `stoltenberg-visit-v1-report.pdf`. */
export async function renderReport(m: ReportModel, format: ReportFormat, opts: PdfOptions = {}): Promise<ReportFile> {
  const f = FORMATS[format];
  return { body: await f.build(m, opts), contentType: f.contentType, filename: `${fileStem(m)}-${f.suffix}` };
}

/** The file name of one format without building it (the ZIP's layout uses it). */
export const reportFilename = (m: ReportModel, format: ReportFormat) => `${fileStem(m)}-${FORMATS[format].suffix}`;
