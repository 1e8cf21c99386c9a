import { db } from "@/lib/db";
import type { EvidenceUse, Stance } from "@/lib/schemas/evidence";
import type { Verdict } from "@/lib/schemas/claim";
import { firstWords } from "@/lib/server/articles/list-articles";
import { versionText } from "@/lib/server/articles/version-text";

/**
 * Where an item is used: each live claim that cites it, with its article's
 * title (or the article's first words when it states none), in article order.
 */
export async function findEvidenceUsage(teamId: string, evidenceId: string): Promise<EvidenceUse[]> {
  const links = await db.evidenceLink.findMany({
    where: { teamId, evidenceId, deletedAt: null, annotation: { deletedAt: null, article: { deletedAt: null } } },
    select: {
      id: true, stance: true, pinpoint: true,
      annotation: { select: { id: true, articleId: true, versionId: true, exact: true, verdict: true, start: true, article: { select: { title: true } } } },
    },
  });
  const uses = await Promise.all(
    links.map(async (l) => {
      const a = l.annotation!;
      return {
        linkId: l.id,
        claimId: a.id,
        articleId: a.articleId,
        articleTitle: a.article.title ?? firstWords((await versionText(a.versionId)).text),
        exact: a.exact,
        verdict: a.verdict as Verdict,
        stance: l.stance as Stance,
        pinpoint: l.pinpoint,
        start: a.start,
      };
    }),
  );
  return uses
    .sort((x, y) => x.articleTitle.localeCompare(y.articleTitle) || x.articleId.localeCompare(y.articleId) || x.start - y.start)
    .map(({ start: _start, ...use }) => use);
}
