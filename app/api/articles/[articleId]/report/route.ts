import { readQuery, withUser } from "@/lib/api/handler";
import { fileResponse } from "@/lib/api/file-response";
import { reportQuerySchema } from "@/lib/schemas/report";
import { buildReportFile } from "@/lib/server/reports/report-pool";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";
import { pdfFallbackFont } from "@/lib/export/pdf-fonts";

/**
 * GET /api/articles/{id}/report?format=html|pdf|md|csv|claimreview|w3c[&round=][&disposition=inline][&publishUrl=]:
 * the article's report (or one review round's) as a file download, loaded and built on a report worker.
 */
export const GET = withUser<{ articleId: string }>(async ({ req, params, user }) => {
  const q = readQuery(req, reportQuerySchema);
  // Loaded and built on a report worker, which reads the caller's visibility itself (blind review).
  const load = { baseUrl: publicBaseUrl(req), roundId: q.round, publishedUrl: q.publishUrl };
  const file = await buildReportFile(user, params.articleId, load, q.format, { fallbackFont: pdfFallbackFont() }, req.signal);
  return fileResponse({ body: file.bytes, contentType: file.contentType, filename: file.filename }, q.disposition);
});
