import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { eventAudience } from "@/lib/policies/visibility";
import type { CommentThread } from "@/lib/schemas/comment";
import { claimLink, clusterLink, finalClaimLink } from "@/lib/schemas/deep-link";
import { publishEvent } from "@/lib/events/event-bus";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { assertCanSeeOutcome } from "@/lib/server/visibility/assert-outcome";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";

/** The claim a discussion is about, as far as the caller may see it. */
export type CommentTarget = {
  /** The column that names it on Comment rows. */
  where: { annotationId: string } | { clusterId: string } | { claimId: string };
  /** Its id (the thread's react-query key and live-event id). */
  id: string;
  articleId: string;
  /** Whose claim it is, for an annotation (they may resolve its threads). */
  claimAuthorId: string | null;
  /** Who may hear of a change over live events: an open round's draft only to its author; null for the team. */
  audience: string[] | null;
  /** "the claim “…” in “Title”", for notifications. */
  label: string;
  /** The link that opens the discussion, at one comment. */
  link: (commentId?: string) => string;
};

const quote = (s: string) => `“${s.length > 60 ? `${s.slice(0, 60)}…` : s}”`;
const title = (t: string | null) => `“${t ?? "an article"}”`;

/**
 * The discussion the caller may read and write, or an error: an annotation
 * they may not see (another team's, a hidden draft, anything on an article
 * they review blind but their own round work) is a 404, as blind review
 * answers for hidden work; a cluster or final claim of an earlier round
 * while they review the article blind is a 403 (the round is no secret);
 * a cluster's discussion opens with the reveal.
 */
export async function findOpenThread(user: Viewer, thread: CommentThread): Promise<CommentTarget> {
  if (thread.annotationId) {
    const a = await db.annotation.findFirst({
      where: { AND: [visibleAnnotationWhere(user.visibility), { id: thread.annotationId, deletedAt: null, article: { deletedAt: null } }] },
      select: {
        id: true,
        articleId: true,
        authorId: true,
        exact: true,
        roundId: true,
        round: { select: { status: true } },
        article: { select: { title: true } },
      },
    });
    if (!a) throw notFound("Claim not found.");
    return {
      where: { annotationId: a.id },
      id: a.id,
      articleId: a.articleId,
      claimAuthorId: a.authorId,
      audience: eventAudience(a),
      label: `the claim ${quote(a.exact)} in ${title(a.article.title)}`,
      link: (commentId) => claimLink(a.articleId, a.id, { discuss: true, commentId }),
    };
  }
  if (thread.clusterId) {
    const c = await db.cluster.findFirst({
      where: { id: thread.clusterId, round: { teamId: user.teamId, article: { deletedAt: null } } },
      select: {
        id: true,
        number: true,
        round: { select: { id: true, status: true, articleId: true, article: { select: { title: true } } } },
      },
    });
    if (!c) throw notFound("Cluster not found.");
    if (c.round.status === "open") throw new AppError("FORBIDDEN", "Discussion opens when the round is revealed.");
    assertCanSeeOutcome(user.visibility, c.round.articleId);
    return {
      where: { clusterId: c.id },
      id: c.id,
      articleId: c.round.articleId,
      claimAuthorId: null,
      audience: null,
      label: `cluster ${c.number} of ${title(c.round.article.title)}`,
      link: (commentId) => clusterLink(c.round.id, c.id, { discuss: true, commentId }),
    };
  }
  const claim = await db.claim.findFirst({
    where: { id: thread.claimId ?? "", teamId: user.teamId, deletedAt: null, article: { deletedAt: null } },
    select: { id: true, articleId: true, exact: true, article: { select: { title: true } } },
  });
  if (!claim) throw notFound("Claim not found.");
  assertCanSeeOutcome(user.visibility, claim.articleId);
  return {
    where: { claimId: claim.id },
    id: claim.id,
    articleId: claim.articleId,
    claimAuthorId: null,
    audience: null,
    label: `the final claim ${quote(claim.exact)} in ${title(claim.article.title)}`,
    link: (commentId) => finalClaimLink(claim.articleId, claim.id, { discuss: true, commentId }),
  };
}

/** The thread as a Comment row names it (its one target column). */
export const threadOf = (c: { annotationId: string | null; clusterId: string | null; claimId: string | null }): CommentThread =>
  c.annotationId ? { annotationId: c.annotationId } : c.clusterId ? { clusterId: c.clusterId } : { claimId: c.claimId ?? "" };

/** Tells the pages showing this discussion (and its claim's comment count) to refetch. Content-free, as every live event. */
export function publishThreadChange(teamId: string, target: CommentTarget): void {
  publishEvent({ team: teamId, article: target.articleId, kind: "comment", id: target.id, version: null, audience: target.audience });
}
