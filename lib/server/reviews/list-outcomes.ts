import { db } from "@/lib/db";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";
import type { Verdict } from "@/lib/schemas/claim";
import type { AnnotationOutcomeDto } from "@/lib/schemas/review";

/**
 * Feedback: how each of the caller's own annotations in revealed rounds was
 * decided, for one round or for every round on one article. None on an
 * article the caller reviews blind: the decisions are the outcome.
 */
export async function listOutcomes(user: Viewer, scope: { roundId: string } | { articleId: string }): Promise<AnnotationOutcomeDto[]> {
  const rows = await db.annotation.findMany({
    where: {
      AND: [
        visibleAnnotationWhere(user.visibility),
        {
          authorId: user.id,
          deletedAt: null,
          round: {
            teamId: user.teamId,
            status: { not: "open" },
            article: { deletedAt: null },
            ...("roundId" in scope ? { id: scope.roundId } : { articleId: scope.articleId }),
          },
        },
      ],
    },
    select: {
      id: true,
      roundId: true,
      start: true,
      end: true,
      exact: true,
      verdict: true,
      clusterMembers: {
        select: {
          cluster: {
            select: {
              id: true,
              number: true,
              status: true,
              claim: { select: { start: true, end: true, exact: true, verdict: true, deletedAt: true } },
              decisions: { orderBy: { createdAt: "desc" }, take: 1, select: { rationaleHtml: true } },
            },
          },
        },
      },
    },
    orderBy: [{ start: "asc" }, { end: "asc" }],
  });
  return rows.map((a) => {
    const cluster = a.clusterMembers[0]?.cluster ?? null;
    const claim = cluster?.claim && !cluster.claim.deletedAt ? cluster.claim : null;
    let outcome: AnnotationOutcomeDto["outcome"] = "excluded";
    if (cluster?.status === "open") outcome = "pending";
    else if (cluster?.status === "rejected") outcome = "rejected";
    else if (cluster && claim)
      outcome = claim.start === a.start && claim.end === a.end && claim.verdict === a.verdict ? "accepted" : "changed";
    return {
      annotationId: a.id,
      roundId: a.roundId!,
      clusterId: cluster?.id ?? null,
      clusterNumber: cluster?.number ?? null,
      exact: a.exact,
      verdict: a.verdict as Verdict,
      outcome,
      claim: claim && outcome !== "rejected" ? { exact: claim.exact, verdict: claim.verdict as Verdict } : null,
      decisionRationaleHtml: cluster?.decisions[0]?.rationaleHtml ?? null,
    };
  });
}
