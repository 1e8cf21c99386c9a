/**
 * The plain reading beside Krippendorff's α: how often the reviewers' verdicts
 * matched (percent agreement over every pair of reviewers and every cluster
 * both marked), over how many clusters, and whether that is too few to judge.
 * α corrects for chance, so with a handful of items it swings wildly (2 of 3
 * matching verdicts can give α 0.000); the percent and the count say what
 * actually happened.
 */
import type { RoundAgreementDto } from "@/lib/schemas/review";

/** Below this many clusters compared, agreement figures are shown as too few to judge. */
export const MIN_CLUSTERS_TO_JUDGE = 10;

export type AgreementHeadline = {
  /** Verdict pairs that matched, and verdict pairs compared (a cluster marked by three reviewers gives three pairs). */
  agreeing: number;
  compared: number;
  /** agreeing / compared, 0..1; null when nothing could be compared. */
  percent: number | null;
  /** Clusters at least two reviewers marked. */
  clusters: number;
  tooFew: boolean;
};

/** The headline of a round's agreement. */
export function agreementHeadline(a: Pick<RoundAgreementDto, "matchedClusters" | "pairs">): AgreementHeadline {
  const compared = a.pairs.reduce((n, p) => n + p.matched, 0);
  const agreeing = a.pairs.reduce((n, p) => n + p.sameVerdict, 0);
  return {
    agreeing,
    compared,
    percent: compared ? agreeing / compared : null,
    clusters: a.matchedClusters,
    tooFew: a.matchedClusters < MIN_CLUSTERS_TO_JUDGE,
  };
}

/** "67%" */
export const formatPercent = (x: number) => `${Math.round(x * 100)}%`;
