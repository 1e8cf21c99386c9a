import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { annotationListRule } from "@/lib/policies/round";

/**
 * The blind-review rule of lib/policies/round.ts (annotationListRule,
 * canSeeAnnotation) for reads that cross articles: related claims, the
 * desk-wide claim search, "previously checked" (issue 16). Every such read goes
 * through this one function.
 *
 * - On an article where the viewer reviews in an open round, they see only
 *   their own annotations of that round, and no final claims.
 * - Elsewhere, an annotation made in a round is seen by its author, and by the
 *   team once the round is revealed; work outside rounds by everyone.
 *
 * Stricter than the per-article rule in one way: any open round the viewer is
 * assigned to hides the article's other work, whatever version it reviews.
 */
export type CrossArticleVisibility = {
  /** A Prisma `where` fragment for Annotation rows. */
  annotationWhere: Record<string, unknown>;
  /** Articles whose final claims the viewer may not see right now. */
  blindArticleIds: string[];
};

export async function crossArticleVisibility(viewer: Pick<CurrentUser, "id" | "teamId" | "role">): Promise<CrossArticleVisibility> {
  const open = await db.roundAssignment.findMany({
    where: { reviewerId: viewer.id, round: { teamId: viewer.teamId, status: "open" } },
    select: { roundId: true, round: { select: { articleId: true } } },
  });
  const blind = open.map((a) => ({ articleId: a.round.articleId, rule: annotationListRule(viewer, { roundId: a.roundId }) }));
  const blindArticleIds = [...new Set(blind.map((b) => b.articleId))];
  const team = { OR: [{ roundId: null }, { authorId: viewer.id }, { round: { status: { not: "open" as const } } }] };
  const annotationWhere = {
    OR: [
      { ...(blindArticleIds.length ? { articleId: { notIn: blindArticleIds } } : {}), ...team },
      ...blind.map((b) => (b.rule.kind === "own-round" ? { articleId: b.articleId, roundId: b.rule.roundId, authorId: b.rule.authorId } : { id: "" })),
    ],
  };
  return { annotationWhere, blindArticleIds };
}
