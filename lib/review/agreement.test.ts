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
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["b", "b"],
      ]).alpha,
    ).toBe(1);
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["a", "a"],
      ]).alpha,
    ).toBeNull();
    expect(
      krippendorffAlphaNominal([
        ["a", null],
        [null, "b"],
      ]).alpha,
    ).toBeNull();
  });

  it("matches a hand-worked three-verdict example", () => {
    // Two reviewers, three clusters: (verified, verified), (disputed, unsourced), (disputed, disputed).
    // Coincidences: o(v,v)=2, o(d,d)=2, o(d,u)=o(u,d)=1 → n_v=2, n_d=3, n_u=1, n=6.
    // Σ_{c≠k} o = 2; Σ_{c≠k} n_c·n_k = 2·(2·3 + 2·1 + 3·1) = 22.
    // α = 1 − (n−1)·2/22 = 1 − 10/22 = 0.5454…
    const r = krippendorffAlphaNominal([
      ["verified", "verified"],
      ["disputed", "unsourced"],
      ["disputed", "disputed"],
    ]);
    expect(r.alpha).toBeCloseTo(1 - 10 / 22, 12);
  });
});

describe("character-level overlap F1", () => {
  it("matches a hand-worked example", () => {
    // A marks [0,10) and [20,30): 20 characters. B marks [5,25): 20 characters.
    // Both: [5,10) and [20,25) = 10 characters. F1 = 2·10/(20+20) = 0.5.
    expect(
      spanOverlapF1(
        [
          { start: 0, end: 10 },
          { start: 20, end: 30 },
        ],
        [{ start: 5, end: 25 }],
      ),
    ).toEqual({ f1: 0.5, charsA: 20, charsB: 20, both: 10 });
  });

  it("counts a reviewer's own overlapping spans once", () => {
    // A's [0,10) and [5,15) are 15 distinct characters, not 20.
    expect(
      mergeSpans([
        { start: 5, end: 15 },
        { start: 0, end: 10 },
      ]),
    ).toEqual([{ start: 0, end: 15 }]);
    const r = spanOverlapF1(
      [
        { start: 0, end: 10 },
        { start: 5, end: 15 },
      ],
      [{ start: 0, end: 15 }],
    );
    expect(r).toEqual({ f1: 1, charsA: 15, charsB: 15, both: 15 });
  });

  it("is 0 for disjoint (including touching) spans and null when nobody marked anything", () => {
    expect(spanOverlapF1([{ start: 0, end: 10 }], [{ start: 10, end: 20 }]).f1).toBe(0);
    expect(spanOverlapF1([], []).f1).toBeNull();
  });

  it("equals positive specific agreement 2a/(2a+b+c), and chance-corrected agreement tends to it (Hripcsak & Rothschild 2005)", () => {
    // Source: G. Hripcsak, A. S. Rothschild (2005), "Agreement, the F-measure, and
    // reliability in information retrieval", J Am Med Inform Assoc 12(3):296–298,
    // doi:10.1197/jamia.M1733. With the 2×2 table of two raters (a = both mark,
    // b = only rater 1, c = only rater 2, d = neither), taking either rater as the
    // reference, precision and recall of the other give
    //   F = 2PR/(P+R) = 2a/(2a+b+c) = positive specific agreement,
    // and Cohen's κ tends to that figure as d (the negatives) grows large.
    // The table below is ours; the identities are the paper's. Characters are the cases:
    //   A marks [0,20) and [50,70): 40 characters.
    //   B marks [10,20), [50,70) and [80,100): 50 characters.
    //   a = |[10,20)| + |[50,70)| = 30, b = |[0,10)| = 10, c = |[80,100)| = 20.
    const A = [
      { start: 0, end: 20 },
      { start: 50, end: 70 },
    ];
    const B = [
      { start: 10, end: 20 },
      { start: 50, end: 70 },
      { start: 80, end: 100 },
    ];
    const [a, b, c] = [30, 10, 20];
    const r = spanOverlapF1(A, B);
    expect(r).toMatchObject({ both: a, charsA: a + b, charsB: a + c });
    const positiveSpecificAgreement = (2 * a) / (2 * a + b + c); // 60/90
    expect(r.f1).toBeCloseTo(positiveSpecificAgreement, 12);
    expect(r.f1).toBeCloseTo(2 / 3, 12);
    // F from precision and recall, with A as the reference: P = a/(a+c) = 0.6, R = a/(a+b) = 0.75.
    const [P, R] = [a / (a + c), a / (a + b)];
    expect(r.f1).toBeCloseTo((2 * P * R) / (P + R), 12);
    expect(spanOverlapF1(B, A).f1).toBe(r.f1); // symmetric: no rater is privileged

    // κ over every character of a text of a + b + c + d characters, for a growing number d of unmarked ones.
    const kappa = (d: number) => {
      const n = a + b + c + d;
      const observed = (a + d) / n;
      const chance = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n);
      return (observed - chance) / (1 - chance);
    };
    const gaps = [100, 10_000, 1_000_000].map((d) => Math.abs(kappa(d) - r.f1!));
    expect(gaps[0]).toBeGreaterThan(gaps[1]!);
    expect(gaps[1]).toBeGreaterThan(gaps[2]!);
    expect(gaps[2]).toBeLessThan(1e-4);
    // The same holds for Krippendorff's α with characters as units (binary: marked or not).
    const chars = (spans: { start: number; end: number }[], i: number) => spans.some((s) => s.start <= i && i < s.end);
    const alphaOver = (length: number) =>
      krippendorffAlphaNominal(Array.from({ length }, (_v, i) => [chars(A, i), chars(B, i)].map(Number))).alpha!;
    expect(Math.abs(alphaOver(100_000) - r.f1!)).toBeLessThan(Math.abs(alphaOver(1_000) - r.f1!));
    expect(alphaOver(100_000)).toBeCloseTo(r.f1!, 3);
  });

  it("micro-averages several pairs", () => {
    // Pair 1: both 10 of 20+20; pair 2: both 0 of 5+5. Σ2·both/Σchars = 20/50 = 0.4.
    expect(
      microF1([
        { f1: 0.5, charsA: 20, charsB: 20, both: 10 },
        { f1: 0, charsA: 5, charsB: 5, both: 0 },
      ]),
    ).toBe(0.4);
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

  it("gives three reviewers three pairs, each with its own alpha, span F1 and the counts behind them", () => {
    const ann: ClusterInput[] = [
      { id: "a1", reviewerId: "A", start: 0, end: 10, verdict: "verified" }, // cluster 1: agreed by all three
      { id: "b1", reviewerId: "B", start: 0, end: 10, verdict: "verified" },
      { id: "c1", reviewerId: "C", start: 0, end: 10, verdict: "verified" },
      { id: "a2", reviewerId: "A", start: 20, end: 30, verdict: "disputed" }, // cluster 2: B dissents
      { id: "b2", reviewerId: "B", start: 20, end: 30, verdict: "unsourced" },
      { id: "c2", reviewerId: "C", start: 20, end: 30, verdict: "disputed" },
      { id: "a3", reviewerId: "A", start: 40, end: 50, verdict: "verified" }, // cluster 3: A and C, boundary only; B absent
      { id: "c3", reviewerId: "C", start: 45, end: 60, verdict: "verified" },
      { id: "b4", reviewerId: "B", start: 70, end: 80, verdict: "disputed" }, // cluster 4: B alone
    ];
    const clusters = clusterAnnotations(ann);
    expect(clusters.map((c) => c.kind)).toEqual(["agreed", "verdict_conflict", "boundary_only", "single_reviewer"]);
    const r = computeRoundAgreement(["A", "B", "C"], ann, clusters);
    expect([r.matchedClusters, r.singleClusters]).toEqual([3, 1]);
    // Whole round, units (v,v,v), (d,u,d), (v,·,v). Coincidences: a unit of m values adds
    // 1/(m−1) per ordered pair: o(v,v) = 3 + 2 = 5, o(d,d) = 1, o(d,u) = o(u,d) = 1.
    // n_v = 5, n_d = 2, n_u = 1, n = 8. D_o = 2/8; D_e = 2(5·2 + 5·1 + 2·1)/(8·7) = 34/56.
    // α = 1 − (2/8)/(34/56) = 1 − 7/17 = 10/17.
    expect(r.verdicts).toMatchObject({ pairable: 8, units: 3 });
    expect(r.verdicts.alpha).toBeCloseTo(10 / 17, 12);

    expect(r.pairs.map((p) => [p.a, p.b])).toEqual([
      ["A", "B"],
      ["A", "C"],
      ["B", "C"],
    ]);
    const [ab, ac, bc] = r.pairs;
    // A–B: clusters 1 and 2, units (v,v), (d,u): n = 4, D_o = 2/4, D_e = 2(2·1 + 2·1 + 1·1)/(4·3) = 10/12, α = 1 − 0.6 = 0.4.
    expect(ab).toMatchObject({ matched: 2, sameVerdict: 1, verdicts: { pairable: 4, units: 2 } });
    expect(ab!.verdicts.alpha).toBeCloseTo(0.4, 12);
    // A–C: clusters 1, 2 and 3, all the same verdict, with variation between units: α = 1.
    expect(ac).toMatchObject({ matched: 3, sameVerdict: 3, verdicts: { alpha: 1, pairable: 6, units: 3 } });
    // B–C: clusters 1 and 2, units (v,v), (u,d): the same table as A–B.
    expect(bc).toMatchObject({ matched: 2, sameVerdict: 1, verdicts: { pairable: 4, units: 2 } });
    expect(bc!.verdicts.alpha).toBeCloseTo(0.4, 12);

    // Characters: A 10+10+10 = 30, B 10+10+10 = 30, C 10+10+15 = 35.
    // A–B both [0,10) [20,30) = 20: F1 = 40/60. A–C both 10+10+|[45,50)| = 25: F1 = 50/65. B–C both 20: F1 = 40/65.
    expect(ab!.spans).toEqual({ charsA: 30, charsB: 30, both: 20, f1: 40 / 60 });
    expect(ac!.spans).toEqual({ charsA: 30, charsB: 35, both: 25, f1: 50 / 65 });
    expect(bc!.spans).toEqual({ charsA: 30, charsB: 35, both: 20, f1: 40 / 65 });
    // Micro-average: (40 + 50 + 40)/(60 + 65 + 65) = 130/190.
    expect(r.spanF1).toBeCloseTo(130 / 190, 12);
  });
});
