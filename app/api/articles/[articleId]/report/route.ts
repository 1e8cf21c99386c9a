import { readQuery, withUser } from "@/lib/api/handler";
import { fileResponse } from "@/lib/api/file-response";
import { renderReportOffThread } from "@/lib/export/report-pool";
import { reportQuerySchema } from "@/lib/schemas/report";
import { loadReport } from "@/lib/server/reports/load-report";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";
import { pdfFallbackFont } from "@/lib/export/pdf-fonts";

/**
 * GET /api/articles/{id}/report?format=html|pdf|md|csv|claimreview|w3c[&round=][&disposition=inline][&publishUrl=]:
 * the article's report (or one review round's) as a file download.
 */
export const GET = withUser<{ articleId: string }>(async ({ req, params, user }) => {
  const q = readQuery(req, reportQuerySchema);
  const model = await loadReport(user.teamId, params.articleId, { baseUrl: publicBaseUrl(req), roundId: q.round, publishedUrl: q.publishUrl, viewer: user });
  const file = await renderReportOffThread(model, q.format, { fallbackFont: pdfFallbackFont() }, req.signal);
  return fileResponse({ body: file.bytes, contentType: file.contentType, filename: file.filename }, q.disposition);
});
