import { db } from "@/lib/db";
import { REPORT_CORRECTIONS_MAX, type ReportCorrection } from "@/lib/export/report-model";

/**
 * The corrections behind each reported version (versions 2 up to it), with
 * the reasons the editors gave, for the reports' "Corrections" line: the
 * newest REPORT_CORRECTIONS_MAX of each article, oldest first. One query for
 * any number of articles (the team ZIP asks for many).
 */
export async function loadCorrections(
  teamId: string,
  shown: { articleId: string; number: number }[],
): Promise<Map<string, ReportCorrection[]>> {
  const wanted = shown.filter((s) => s.number > 1);
  const byArticle = new Map<string, ReportCorrection[]>();
  if (wanted.length === 0) return byArticle;
  const rows = await db.articleVersion.findMany({
    where: {
      article: { teamId },
      OR: wanted.map((s) => ({ articleId: s.articleId, number: { gt: Math.max(1, s.number - REPORT_CORRECTIONS_MAX), lte: s.number } })),
    },
    select: { articleId: true, number: true, createdAt: true, reason: true },
    orderBy: [{ articleId: "asc" }, { number: "asc" }],
  });
  for (const r of rows) {
    const list = byArticle.get(r.articleId) ?? [];
    list.push({ number: r.number, createdAt: r.createdAt.toISOString(), reason: r.reason });
    byArticle.set(r.articleId, list);
  }
  return byArticle;
}
