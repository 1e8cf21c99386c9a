import { db } from "@/lib/db";
import type { ReportPublication } from "@/lib/export/report-model";
import { publicPagePath } from "@/lib/publish/public-urls";
import { publicTexts } from "./find-public-publication";

/**
 * Where each of the articles' fact-checks is published, for the desk's own
 * reports (their ClaimReview `url`s and `#claim-n` links, W3C TimeState
 * `cached` texts), by article id. An article that is not published, or whose
 * fact-check was withdrawn (its public texts are no longer served), has none.
 * One query whatever the number of articles (the team ZIP).
 */
export async function reportPublications(teamId: string, articleIds: string[], baseUrl: string): Promise<Map<string, ReportPublication>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db.publication.findMany({
    where: { teamId, articleId: { in: articleIds }, status: "published" },
    select: {
      articleId: true,
      slug: true,
      firstPublishedAt: true,
      changedAt: true,
      team: { select: { slug: true } },
      revisions: { select: { versionNumber: true } },
    },
  });
  const base = baseUrl.replace(/\/+$/, "");
  return new Map(
    rows.map((row) => [
      row.articleId,
      {
        url: `${base}${publicPagePath(row.team.slug, row.slug)}`,
        publishedAt: row.firstPublishedAt.toISOString(),
        changedAt: row.changedAt.toISOString(),
        texts: publicTexts(base, row.team.slug, row.slug, row.revisions),
      },
    ]),
  );
}
