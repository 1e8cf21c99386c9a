import { db } from "@/lib/db";
import { personSelect } from "@/lib/server/person-select";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { canSeeProgressCounts, roundPermissions, type RoundStatus } from "@/lib/policies/round";
import { isReviewingBlind } from "@/lib/policies/visibility";
import type { RoundSummaryDto } from "@/lib/schemas/review";
import { articleLeads } from "@/lib/server/articles/article-leads";

/** A round's reviewers in the order they were assigned: the assignments share one creation time, and their ids (cuids, which count up) break the tie. */
export const ASSIGNMENT_ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** The columns a round summary needs. */
export const roundSelect = {
  id: true,
  articleId: true,
  versionId: true,
  status: true,
  dueDate: true,
  version: true,
  createdAt: true,
  revealedAt: true,
  adjudicatedAt: true,
  closedAt: true,
  adjudicatorId: true,
  article: { select: { id: true, title: true } },
  createdBy: personSelect,
  adjudicator: personSelect,
  assignments: {
    select: { reviewerId: true, submittedAt: true, reviewer: personSelect },
    orderBy: ASSIGNMENT_ORDER,
  },
  clusters: { select: { status: true } },
} as const;

type RoundWhere = NonNullable<Parameters<typeof db.reviewRound.findMany>[0]>["where"];
const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Round summaries of the caller's team matching `where`, newest first, with
 * blind-phase progress (who submitted; how many annotations each reviewer
 * made for editors only, and not for one who reviews the article blind
 * themselves; everybody sees their own count) and the caller's permissions.
 * Every query is scoped to the caller's team here.
 */
export async function loadRoundSummaries(user: Viewer, where: RoundWhere = {}, take?: number): Promise<RoundSummaryDto[]> {
  const rows = await db.reviewRound.findMany({
    // A deleted article takes its rounds out of every list.
    where: { ...where, teamId: user.teamId, article: { deletedAt: null } },
    select: roundSelect,
    orderBy: { createdAt: "desc" },
    ...(take ? { take } : {}),
  });
  if (rows.length === 0) return [];
  const counts = await db.annotation.groupBy({
    by: ["roundId", "authorId"],
    where: { teamId: user.teamId, roundId: { in: rows.map((r) => r.id) }, deletedAt: null },
    _count: { _all: true },
  });
  const leads = await articleLeads(
    user.teamId,
    rows.map((r) => r.article),
  );
  const countOf = (roundId: string, authorId: string) =>
    counts.find((c) => c.roundId === roundId && c.authorId === authorId)?._count._all ?? 0;
  const showCounts = (articleId: string) => canSeeProgressCounts(user) && !isReviewingBlind(user.visibility, articleId);

  return rows.map((r) => {
    const status = r.status as RoundStatus;
    const mineRow = r.assignments.find((a) => a.reviewerId === user.id);
    const mine = mineRow ? { submittedAt: iso(mineRow.submittedAt), annotationCount: countOf(r.id, user.id) } : null;
    const subject = { status, adjudicatorId: r.adjudicatorId, reviewerIds: r.assignments.map((a) => a.reviewerId) };
    return {
      id: r.id,
      article: { ...r.article, lead: leads.get(r.articleId) ?? null },
      versionId: r.versionId,
      status,
      dueDate: r.dueDate,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      revealedAt: iso(r.revealedAt),
      adjudicatedAt: iso(r.adjudicatedAt),
      closedAt: iso(r.closedAt),
      createdBy: r.createdBy,
      adjudicator: r.adjudicator,
      reviewers: r.assignments.map((a) => ({
        ...a.reviewer,
        submittedAt: iso(a.submittedAt),
        annotationCount: showCounts(r.articleId) || a.reviewerId === user.id ? countOf(r.id, a.reviewerId) : null,
      })),
      clusterCounts: { total: r.clusters.length, open: r.clusters.filter((c) => c.status === "open").length },
      mine,
      can: roundPermissions(user, subject, mine),
    };
  });
}

/** One round of the caller's team, or null. */
export async function loadRoundSummary(user: Viewer, roundId: string): Promise<RoundSummaryDto | null> {
  if (!roundId) return null;
  return (await loadRoundSummaries(user, { id: roundId }))[0] ?? null;
}
