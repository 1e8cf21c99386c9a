import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { assertCanSeeOutcome } from "@/lib/server/visibility/assert-outcome";
import type { CommentThread } from "@/lib/schemas/comment";

/** What a comment thread hangs on: a cluster of the team's rounds or a final claim of the team, or NOT_FOUND. */
async function findCommentTarget(teamId: string, thread: CommentThread) {
  if (thread.clusterId) {
    const c = await db.cluster.findFirst({
      where: { id: thread.clusterId, round: { teamId, article: { deletedAt: null } } },
      select: { id: true, number: true, round: { select: { id: true, status: true, articleId: true, article: { select: { title: true } } } } },
    });
    if (!c) throw notFound("Cluster not found.");
    return {
      where: { clusterId: c.id }, articleId: c.round.articleId, roundStatus: c.round.status as string,
      label: `cluster ${c.number} of “${c.round.article.title ?? "an article"}”`, url: `/reviews/${c.round.id}#cluster-${c.number}`,
    };
  }
  const claim = await db.claim.findFirst({
    where: { id: thread.claimId ?? "", teamId, deletedAt: null, article: { deletedAt: null } },
    select: { id: true, articleId: true, exact: true, cluster: { select: { number: true, roundId: true } } },
  });
  if (!claim) throw notFound("Claim not found.");
  return {
    where: { claimId: claim.id }, articleId: claim.articleId, roundStatus: null,
    label: `the claim “${claim.exact.length > 60 ? `${claim.exact.slice(0, 60)}…` : claim.exact}”`,
    url: claim.cluster ? `/reviews/${claim.cluster.roundId}#cluster-${claim.cluster.number}` : `/articles/${claim.articleId}`,
  };
}

/**
 * The thread of a cluster or claim the caller may read and write: discussion
 * opens with the reveal, and stays closed to a reviewer who is reviewing the
 * article blind in a later round.
 */
export async function findOpenThread(user: Viewer, thread: CommentThread) {
  const target = await findCommentTarget(user.teamId, thread);
  if (target.roundStatus === "open") throw new AppError("FORBIDDEN", "Discussion opens when the round is revealed.");
  assertCanSeeOutcome(user.visibility, target.articleId);
  return target;
}
