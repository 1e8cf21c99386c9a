import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { CommentThread } from "@/lib/schemas/comment";

/** What a comment thread hangs on: a cluster of the team's rounds or a final claim of the team, or NOT_FOUND. */
export async function findCommentTarget(teamId: string, thread: CommentThread) {
  if (thread.clusterId) {
    const c = await db.cluster.findFirst({
      where: { id: thread.clusterId, round: { teamId } },
      select: { id: true, number: true, round: { select: { id: true, status: true, articleId: true, article: { select: { title: true } } } } },
    });
    if (!c) throw notFound("Cluster not found.");
    return {
      where: { clusterId: c.id }, articleId: c.round.articleId, roundStatus: c.round.status as string,
      label: `cluster ${c.number} of “${c.round.article.title ?? "an article"}”`, url: `/reviews/${c.round.id}#cluster-${c.number}`,
    };
  }
  const claim = await db.claim.findFirst({
    where: { id: thread.claimId ?? "", teamId, deletedAt: null },
    select: { id: true, articleId: true, exact: true, cluster: { select: { number: true, roundId: true } } },
  });
  if (!claim) throw notFound("Claim not found.");
  return {
    where: { claimId: claim.id }, articleId: claim.articleId, roundStatus: null,
    label: `the claim “${claim.exact.length > 60 ? `${claim.exact.slice(0, 60)}…` : claim.exact}”`,
    url: claim.cluster ? `/reviews/${claim.cluster.roundId}#cluster-${claim.cluster.number}` : `/articles/${claim.articleId}`,
  };
}
