import { describe, expect, it } from "vitest";
import { krippendorffAlphaNominal, mergeSpans, microF1, spanOverlapF1 } from "./agreement";
import { computeRoundAgreement } from "./round-agreement";
import { clusterAnnotations, type ClusterInput } from "./cluster-annotations";

describe("Krippendorff's alpha, nominal", () => {
  it("reproduces the binary two-observer example of Krippendorff (2011)", () => {
    // Source: K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
    // University of Pennsylvania, ScholarlyCommons (repository.upenn.edu/asc_papers/43),
    // section A "Binary data, two observers, no missing data": 10 units,
    //   Observer A: 0 1 0 0 0 0 0 0 1 0
    //   Observer B: 1 1 1 0 0 1 0 0 0 0
    // α = 1 − (n−1)·o01/(n0·n1) = 1 − 19·4/(14·6) = 0.095.
    const A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const r = krippendorffAlphaNominal(A.map((v, i) => [v, B[i]]));
    expect(r.pairable).toBe(20);
    expect(r.alpha).toBeCloseTo(1 - (19 * 4) / (14 * 6), 12);
    expect(r.alpha!.toFixed(3)).toBe("0.095");
  });

  it("reproduces the four-observer example with missing data of Krippendorff (2011): α = 0.743", () => {
    // Source: Krippendorff (2011), op. cit., section C "Nominal data, any number of
    // observers, missing data": 4 observers, 12 units (· = missing):
    //   Observer A: 1 2 3 3 2 1 4 1 2 · · ·
    //   Observer B: 1 2 3 3 2 2 4 1 2 5 · 3
    //   Observer C: · 3 3 3 2 3 4 2 2 5 1 ·
    //   Observer D: 1 2 3 3 2 4 4 1 2 5 1 ·
    // Unit 12 has a single value and is unpairable, leaving n = 40 pairable values;
    // the paper reports α_nominal = 0.743.
    const _ = null;
    const rows = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    const units = rows[0]!.map((_v, u) => rows.map((row) => row[u]));
    const r = krippendorffAlphaNominal(units);
    expect(r.pairable).toBe(40);
    expect(r.units).toBe(11);
    expect(r.alpha!.toFixed(3)).toBe("0.743");
  });

  it("is 1 for perfect agreement with variation, and undefined (null) without variation or without pairs", () => {
    expect(krippendorffAlphaNominal([["a", "a"], ["b", "b"]]).alpha).toBe(1);
    expect(krippendorffAlphaNominal([["a", "a"], ["a", "a"]]).alpha).toBeNull();
    expect(krippendorffAlphaNominal([["a", null], [null, "b"]]).alpha).toBeNull();
  });

  it("matches a hand-worked three-verdict example", () => {
    // Two reviewers, three clusters: (verified, verified), (disputed, unsourced), (disputed, disputed).
    // Coincidences: o(v,v)=2, o(d,d)=2, o(d,u)=o(u,d)=1 → n_v=2, n_d=3, n_u=1, n=6.
    // Σ_{c≠k} o = 2; Σ_{c≠k} n_c·n_k = 2·(2·3 + 2·1 + 3·1) = 22.
    // α = 1 − (n−1)·2/22 = 1 − 10/22 = 0.5454…
    const r = krippendorffAlphaNominal([["verified", "verified"], ["disputed", "unsourced"], ["disputed", "disputed"]]);
    expect(r.alpha).toBeCloseTo(1 - 10 / 22, 12);
  });
});

describe("character-level overlap F1", () => {
  it("matches a hand-worked example", () => {
    // A marks [0,10) and [20,30): 20 characters. B marks [5,25): 20 characters.
    // Both: [5,10) and [20,25) = 10 characters. F1 = 2·10/(20+20) = 0.5.
    expect(spanOverlapF1([{ start: 0, end: 10 }, { start: 20, end: 30 }], [{ start: 5, end: 25 }])).toEqual({ f1: 0.5, charsA: 20, charsB: 20, both: 10 });
  });

  it("counts a reviewer's own overlapping spans once", () => {
    // A's [0,10) and [5,15) are 15 distinct characters, not 20.
    expect(mergeSpans([{ start: 5, end: 15 }, { start: 0, end: 10 }])).toEqual([{ start: 0, end: 15 }]);
    const r = spanOverlapF1([{ start: 0, end: 10 }, { start: 5, end: 15 }], [{ start: 0, end: 15 }]);
    expect(r).toEqual({ f1: 1, charsA: 15, charsB: 15, both: 15 });
  });

  it("is 0 for disjoint (including touching) spans and null when nobody marked anything", () => {
    expect(spanOverlapF1([{ start: 0, end: 10 }], [{ start: 10, end: 20 }]).f1).toBe(0);
    expect(spanOverlapF1([], []).f1).toBeNull();
  });

  it("micro-averages several pairs", () => {
    // Pair 1: both 10 of 20+20; pair 2: both 0 of 5+5. Σ2·both/Σchars = 20/50 = 0.4.
    expect(microF1([{ f1: 0.5, charsA: 20, charsB: 20, both: 10 }, { f1: 0, charsA: 5, charsB: 5, both: 0 }])).toBe(0.4);
  });
});

describe("round agreement", () => {
  it("combines clusters into alpha, span F1 and a pairwise matrix with counts", () => {
    const ann: ClusterInput[] = [
      { id: "a1", reviewerId: "A", start: 0, end: 10, verdict: "verified" },
      { id: "b1", reviewerId: "B", start: 0, end: 10, verdict: "verified" }, // agreed
      { id: "a2", reviewerId: "A", start: 20, end: 30, verdict: "disputed" },
      { id: "b2", reviewerId: "B", start: 20, end: 30, verdict: "unsourced" }, // verdict conflict
      { id: "a3", reviewerId: "A", start: 40, end: 50, verdict: "disputed" },
      { id: "b3", reviewerId: "B", start: 45, end: 60, verdict: "disputed" }, // boundary only
      { id: "b4", reviewerId: "B", start: 70, end: 75, verdict: "verified" }, // single reviewer
    ];
    const clusters = clusterAnnotations(ann);
    const r = computeRoundAgreement(["A", "B"], ann, clusters);
    expect(r.matchedClusters).toBe(3);
    expect(r.singleClusters).toBe(1);
    // Same coincidences as the hand-worked example above: α = 1 − 10/22.
    expect(r.verdicts.alpha).toBeCloseTo(1 - 10 / 22, 12);
    // A: 30 characters; B: 10+10+15+5 = 40; both: 10+10+5 = 25 → F1 = 50/70.
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ a: "A", b: "B", matched: 3, sameVerdict: 2, spans: { charsA: 30, charsB: 40, both: 25 } });
    expect(r.spanF1).toBeCloseTo(50 / 70, 12);
  });
});
