/**
 * The agreement figures of one round, from its clusters and annotations:
 * alpha on verdicts over matched clusters, span F1 at character level, and a
 * pairwise reviewer matrix with the counts behind each figure. Pure.
 */
import { krippendorffAlphaNominal, microF1, spanOverlapF1, type AlphaResult, type SpanAgreement } from "./agreement";
import type { ClusterInput } from "./cluster-annotations";

/** One pair of reviewers. */
export type PairAgreement = {
  a: string;
  b: string;
  /** Clusters both reviewers marked, and in how many of them their verdicts match. */
  matched: number;
  sameVerdict: number;
  verdicts: AlphaResult;
  spans: SpanAgreement;
};

export type RoundAgreement = {
  reviewers: string[];
  /** Clusters with at least two reviewers (the units of alpha). */
  matchedClusters: number;
  singleClusters: number;
  verdicts: AlphaResult;
  /** Micro-averaged over all pairs. */
  spanF1: number | null;
  pairs: PairAgreement[];
};

type ClusterLike = { reviewerIds: readonly string[]; representatives: Readonly<Record<string, string>> };

/**
 * `reviewers` are the reviewers whose work counts (those who submitted);
 * `annotations` their annotations in the round; `clusters` as made at reveal.
 */
export function computeRoundAgreement(
  reviewers: readonly string[],
  annotations: readonly ClusterInput[],
  clusters: readonly ClusterLike[],
): RoundAgreement {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const verdictOf = (c: ClusterLike, r: string) => {
    const id = c.representatives[r];
    return id ? (byId.get(id)?.verdict ?? null) : null;
  };
  const matched = clusters.filter((c) => c.reviewerIds.length >= 2);
  const verdicts = krippendorffAlphaNominal(matched.map((c) => reviewers.map((r) => verdictOf(c, r))));
  const spansOf = (r: string) => annotations.filter((a) => a.reviewerId === r);

  const pairs: PairAgreement[] = [];
  for (let i = 0; i < reviewers.length; i++) {
    for (let j = i + 1; j < reviewers.length; j++) {
      const a = reviewers[i]!;
      const b = reviewers[j]!;
      const both = clusters.filter((c) => c.reviewerIds.includes(a) && c.reviewerIds.includes(b));
      const values = both.map((c) => [verdictOf(c, a), verdictOf(c, b)]);
      pairs.push({
        a,
        b,
        matched: both.length,
        sameVerdict: values.filter(([x, y]) => x === y).length,
        verdicts: krippendorffAlphaNominal(values),
        spans: spanOverlapF1(spansOf(a), spansOf(b)),
      });
    }
  }
  return {
    reviewers: [...reviewers],
    matchedClusters: matched.length,
    singleClusters: clusters.length - matched.length,
    verdicts,
    spanF1: microF1(pairs.map((p) => p.spans)),
    pairs,
  };
}
