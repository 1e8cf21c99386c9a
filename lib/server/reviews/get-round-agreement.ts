import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { RoundAgreementDto } from "@/lib/schemas/review";
import { findRound } from "./find-round";
import { assertCanSeeOutcome } from "@/lib/server/visibility/assert-outcome";
import { roundAgreements } from "./round-agreement-data";
import { loadRoundSummary } from "./round-summaries";

/** GET /api/reviews/{id}/agreement: alpha, span F1 and the pairwise matrix of a revealed round. */
export async function getRoundAgreement(user: Viewer, roundId: string): Promise<RoundAgreementDto> {
  const round = await findRound(user.teamId, roundId);
  // Figures before the reveal would tell reviewers how far they agree with work they may not see.
  if (round.status === "open")
    throw new AppError("CONFLICT", "Agreement is computed once the round is revealed.", { current: await loadRoundSummary(user, roundId) });
  assertCanSeeOutcome(user.visibility, round.articleId);
  const [data] = await roundAgreements(user.visibility, [roundId]);
  if (!data) throw notFound("Review round not found.");
  const { agreement: a, reviewers } = data;
  const person = (id: string) => reviewers.find((r) => r.id === id) ?? { id, name: null };
  return {
    roundId,
    reviewers,
    matchedClusters: a.matchedClusters,
    singleClusters: a.singleClusters,
    verdicts: a.verdicts,
    spanF1: a.spanF1,
    pairs: a.pairs.map((p) => ({ ...p, a: person(p.a), b: person(p.b) })),
  };
}
