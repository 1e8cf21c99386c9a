import { readQuery, withUser } from "@/lib/api/handler";
import { fileResponse } from "@/lib/api/file-response";
import { renderReport } from "@/lib/export/render-report";
import { reportQuerySchema } from "@/lib/schemas/report";
import { loadReport } from "@/lib/server/reports/load-report";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";
import { pdfFallbackFont } from "@/lib/export/pdf-fonts";

/**
 * GET /api/articles/{id}/report?format=html|pdf|md|csv|claimreview|w3c[&round=][&disposition=inline][&publishUrl=]:
 * the article's report (or one review round's) as a file download.
 */
export const GET = withUser<{ articleId: string }>(async ({ req, params, viewer }) => {
  const q = readQuery(req, reportQuerySchema);
  const model = await loadReport((await viewer()).visibility, params.articleId, { baseUrl: publicBaseUrl(req), roundId: q.round, publishedUrl: q.publishUrl });
  const file = await renderReport(model, q.format, { fallbackFont: pdfFallbackFont() });
  return fileResponse(file, q.disposition);
});
