import { db } from "@/lib/db";
import type { EvidenceUse, Stance } from "@/lib/schemas/evidence";
import type { Verdict } from "@/lib/schemas/claim";
import type { Visibility } from "@/lib/policies/visibility";
import { articleLeads } from "@/lib/server/articles/article-leads";
import { liveVisibleLinkWhere } from "@/lib/server/visibility/visible-where";

const spanSelect = {
  id: true,
  articleId: true,
  exact: true,
  verdict: true,
  start: true,
  article: { select: { id: true, title: true } },
} as const;

/**
 * Where an item is used, as far as the viewer may see: each live claim that
 * cites it, with its article's title (or its lead, the first words of its
 * newest text, when it states none: one query for them all), in article
 * order. A claim is an annotation, or the final claim a decided round made
 * (its link has `claimId`); tombstoned claims, deleted articles and what
 * blind review hides are left out, by the same `where` the item's
 * `useCount` counts with (liveVisibleLinkWhere).
 */
export async function findEvidenceUsage(v: Visibility, evidenceId: string): Promise<EvidenceUse[]> {
  const links = await db.evidenceLink.findMany({
    where: { AND: [liveVisibleLinkWhere(v), { evidenceId }] },
    select: { id: true, stance: true, pinpoint: true, annotation: { select: spanSelect }, claim: { select: spanSelect } },
  });
  const cited = links.map((l) => ({ l, c: (l.annotation ?? l.claim)! }));
  const leads = await articleLeads(
    v.teamId,
    cited.map(({ c }) => c.article),
  );
  const uses = cited.map(({ l, c }) => ({
    linkId: l.id,
    claimId: c.id,
    articleId: c.articleId,
    articleTitle: c.article.title ?? leads.get(c.articleId) ?? "",
    exact: c.exact,
    verdict: c.verdict as Verdict,
    stance: l.stance as Stance,
    pinpoint: l.pinpoint,
    start: c.start,
  }));
  return uses
    .sort(
      (x, y) =>
        x.articleTitle.localeCompare(y.articleTitle) ||
        x.articleId.localeCompare(y.articleId) ||
        x.start - y.start ||
        x.linkId.localeCompare(y.linkId),
    )
    .map(({ start: _start, ...use }) => use);
}
