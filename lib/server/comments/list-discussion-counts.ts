import { db } from "@/lib/db";
import type { DiscussionCountsDto } from "@/lib/schemas/comment";
import { findArticle } from "@/lib/server/articles/find-article";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";

/**
 * GET /api/articles/{id}/discussions: the counts the claim cards show (live
 * comments, open threads), for the claims of the article the caller may see
 * (blind review: a hidden draft's discussion is not counted). Two grouped
 * counts, so opening an article costs one request for every card's count.
 */
export async function listDiscussionCounts(user: Viewer, articleId: string): Promise<DiscussionCountsDto> {
  await findArticle(user.teamId, articleId);
  const onClaims = {
    teamId: user.teamId,
    deletedAt: null,
    annotation: { AND: [visibleAnnotationWhere(user.visibility), { articleId, deletedAt: null }] },
  };
  const [comments, open] = await Promise.all([
    db.comment.groupBy({ by: ["annotationId"], where: onClaims, _count: { _all: true } }),
    db.comment.groupBy({ by: ["annotationId"], where: { ...onClaims, parentId: null, resolvedAt: null }, _count: { _all: true } }),
  ]);
  const counts: DiscussionCountsDto = {};
  for (const c of comments) counts[c.annotationId!] = { comments: c._count._all, open: 0 };
  for (const o of open) counts[o.annotationId!] = { comments: counts[o.annotationId!]?.comments ?? 0, open: o._count._all };
  return counts;
}
