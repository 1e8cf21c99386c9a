import { db } from "@/lib/db";
import type { Verdict } from "@/lib/schemas/claim";
import { computeRoundAgreement } from "@/lib/review/round-agreement";
import { representativesOf, type ClusterInput } from "@/lib/review/cluster-annotations";
import type { Visibility } from "@/lib/policies/visibility";
import { visibleOutcomeRoundWhere } from "@/lib/server/visibility/visible-where";
import { ASSIGNMENT_ORDER } from "./round-summaries";

/** At most this many rounds are loaded: the newest ones. */
const ROUND_LIMIT = 500;

/**
 * Loads revealed rounds of the viewer's team (the newest {@link ROUND_LIMIT},
 * or the ids given), oldest first, and computes each one's agreement from its
 * clusters: the reviewers are those who submitted, the annotations those that
 * were clustered at the reveal. Rounds on an article the viewer reviews blind
 * are left out: their figures are part of the outcome.
 */
export async function roundAgreements(v: Visibility, roundIds?: string[]) {
  const rounds = await db.reviewRound.findMany({
    where: {
      AND: [
        visibleOutcomeRoundWhere(v),
        { status: { not: "open" }, article: { deletedAt: null }, ...(roundIds ? { id: { in: roundIds } } : {}) },
      ],
    },
    select: {
      id: true,
      revealedAt: true,
      article: { select: { id: true, title: true } },
      assignments: {
        where: { submittedAt: { not: null } },
        select: { reviewer: { select: { id: true, name: true } } },
        orderBy: ASSIGNMENT_ORDER,
      },
      clusters: {
        select: { members: { select: { annotation: { select: { id: true, authorId: true, start: true, end: true, verdict: true } } } } },
      },
    },
    // The newest rounds are the ones a chart over time must show; callers get them oldest first.
    orderBy: [{ revealedAt: "desc" }, { id: "desc" }],
    take: ROUND_LIMIT,
  });
  return rounds.reverse().map((r) => {
    const clusters = r.clusters.map((c) =>
      c.members.map(({ annotation: a }): ClusterInput => ({
        id: a.id,
        reviewerId: a.authorId,
        start: a.start,
        end: a.end,
        verdict: a.verdict as Verdict,
      })),
    );
    const agreement = computeRoundAgreement(
      r.assignments.map((a) => a.reviewer.id),
      clusters.flat(),
      clusters.map((members) => ({
        reviewerIds: [...new Set(members.map((m) => m.reviewerId))],
        representatives: representativesOf(members),
      })),
    );
    return { round: r, reviewers: r.assignments.map((a) => a.reviewer), agreement };
  });
}
