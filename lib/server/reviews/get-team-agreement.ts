import type { Viewer } from "@/lib/server/visibility/viewer";
import type { TeamAgreementPointDto } from "@/lib/schemas/review";
import { roundAgreements } from "./round-agreement-data";
import { articleLeads } from "@/lib/server/articles/article-leads";

/** GET /api/agreement: the team's agreement figures over time, one point per revealed round the caller may see, oldest first. */
export async function getTeamAgreement(user: Viewer): Promise<TeamAgreementPointDto[]> {
  const rows = (await roundAgreements(user.visibility)).filter((r) => r.round.revealedAt);
  const leads = await articleLeads(
    user.teamId,
    rows.map((r) => r.round.article),
  );
  return rows.map(({ round, agreement }) => ({
    roundId: round.id,
    articleTitle: round.article.title,
    articleLead: leads.get(round.article.id) ?? null,
    revealedAt: round.revealedAt!.toISOString(),
    alpha: agreement.verdicts.alpha,
    spanF1: agreement.spanF1,
    matchedClusters: agreement.matchedClusters,
    reviewers: agreement.reviewers.length,
  }));
}
