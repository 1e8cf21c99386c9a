import { db } from "@/lib/db";
import type { ClaimSearchDto, ClaimSearchInput, ClaimSearchRow } from "@/lib/schemas/assist";
import type { Verdict } from "@/lib/schemas/claim";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere, visibleClaimWhere } from "@/lib/server/visibility/visible-where";
import { may } from "@/lib/policies/permissions";

/** Rows per page, and how many of the newest claims one search reads at most before filtering words. */
export const CLAIMS_PAGE = 50;
export const CLAIMS_WINDOW = 5000;

const fold = (s: string | null | undefined) => (s ?? "").normalize("NFKC").toLowerCase();

/**
 * GET /api/claims: the desk-wide claim search. Every claim of the
 * team the caller may see (the cross-article blind-review rule): members'
 * annotations and the final claims of review rounds, newest first, with
 * verdict, speaker, article and date. Filters (verdict, article) run in the
 * database; the words of `q` must all occur in the quote, the speaker, the
 * article's title or outlet (case and accents of Unicode folded alike on both
 * databases, which SQL's LIKE does not), over the newest CLAIMS_WINDOW claims.
 */
export async function searchClaims(user: Viewer, input: ClaimSearchInput): Promise<ClaimSearchDto> {
  const article = { deletedAt: null, ...(input.articleId ? { id: input.articleId } : {}) };
  const common = { teamId: user.teamId, deletedAt: null, ...(input.verdict ? { verdict: input.verdict } : {}), article };
  // The columns annotations and final claims share.
  const columns = {
    id: true,
    articleId: true,
    start: true,
    end: true,
    exact: true,
    verdict: true,
    speaker: true,
    createdAt: true,
    article: { select: { title: true, outlet: true } },
  } as const;
  const [annotations, finals] = await Promise.all([
    db.annotation.findMany({
      where: { ...common, AND: [visibleAnnotationWhere(user.visibility)] },
      select: {
        ...columns,
        roundId: true,
        author: { select: { name: true, memberships: { where: { teamId: user.teamId }, select: { role: true } } } },
      },
      orderBy: { createdAt: "desc" },
      take: CLAIMS_WINDOW,
    }),
    db.claim.findMany({
      where: { ...common, AND: [visibleClaimWhere(user.visibility)] },
      select: columns,
      orderBy: { createdAt: "desc" },
      take: CLAIMS_WINDOW,
    }),
  ]);
  const rows: ClaimSearchRow[] = [
    ...annotations.map((a) => ({
      id: a.id,
      articleId: a.articleId,
      articleTitle: a.article.title,
      outlet: a.article.outlet,
      start: a.start,
      end: a.end,
      exact: a.exact,
      verdict: a.verdict as Verdict,
      speaker: a.speaker,
      author: a.author.name,
      createdAt: a.createdAt.toISOString(),
      final: !a.roundId && a.author.memberships.some((m) => may(m, "claims.final")),
    })),
    ...finals.map((c) => ({
      id: c.id,
      articleId: c.articleId,
      articleTitle: c.article.title,
      outlet: c.article.outlet,
      start: c.start,
      end: c.end,
      exact: c.exact,
      verdict: c.verdict as Verdict,
      speaker: c.speaker,
      author: null,
      createdAt: c.createdAt.toISOString(),
      final: true,
    })),
  ].sort((x, y) => y.createdAt.localeCompare(x.createdAt));
  const words = fold(input.q).split(/\s+/).filter(Boolean);
  const speaker = fold(input.speaker);
  const hits = rows.filter((r) => {
    if (speaker && !fold(r.speaker).includes(speaker)) return false;
    const hay = `${fold(r.exact)}\n${fold(r.speaker)}\n${fold(r.articleTitle)}\n${fold(r.outlet)}`;
    return words.every((w) => hay.includes(w));
  });
  const from = input.cursor ?? 0;
  const page = hits.slice(from, from + CLAIMS_PAGE);
  return { rows: page, next: from + CLAIMS_PAGE < hits.length ? from + CLAIMS_PAGE : null };
}
