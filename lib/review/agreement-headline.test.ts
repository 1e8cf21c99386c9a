import { describe, expect, it } from "vitest";
import { agreementHeadline, MIN_CLUSTERS_TO_JUDGE } from "./agreement-headline";

const pair = (matched: number, sameVerdict: number) => ({ matched, sameVerdict }) as never;

describe("agreementHeadline", () => {
  it("reads 2 of 3 matching verdicts as 67%, over 3 clusters: too few to judge", () => {
    expect(agreementHeadline({ matchedClusters: 3, pairs: [pair(3, 2)] })).toEqual({
      agreeing: 2,
      compared: 3,
      percent: 2 / 3,
      clusters: 3,
      tooFew: true,
    });
  });

  it("adds up every pair of reviewers, and is not too few from the threshold on", () => {
    const h = agreementHeadline({ matchedClusters: MIN_CLUSTERS_TO_JUDGE, pairs: [pair(10, 9), pair(8, 4), pair(9, 8)] });
    expect(h).toMatchObject({ agreeing: 21, compared: 27, clusters: 10, tooFew: false });
  });

  it("has no percent when nothing was compared", () => {
    expect(agreementHeadline({ matchedClusters: 0, pairs: [] })).toMatchObject({ percent: null, tooFew: true });
  });
});
