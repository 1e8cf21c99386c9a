/**
 * Inter-reviewer agreement for a review round. Pure functions.
 *
 * - Verdicts: Krippendorff's alpha for nominal data (Krippendorff 2011,
 *   "Computing Krippendorff's Alpha-Reliability"), over matched clusters: a
 *   cluster is a unit, each reviewer in it a coder whose value is the verdict
 *   of their representative annotation (lib/review/cluster-annotations.ts);
 *   reviewers absent from a cluster are missing values. Units with one value
 *   are unpairable and drop out, as alpha prescribes.
 * - Spans: character-level overlap F1 between two reviewers' marked
 *   characters (each reviewer's annotations as a set of code points, so a
 *   reviewer's own overlaps count once): F1 = 2|A∩B| / (|A|+|B|). We chose F1
 *   over Krippendorff's unitizing alpha because it reads directly ("share of
 *   marked characters both marked"), does not depend on the length of the
 *   unmarked text, and with many unmarked characters approaches the
 *   chance-corrected figure anyway (Hripcsak & Rothschild 2005, JAMIA 12(3)).
 *   Several pairs combine by micro-averaging: Σ2|A∩B| / Σ(|A|+|B|).
 */

/** A result of alpha: null when it is undefined (fewer than two pairable values, or no variation at all). */
export type AlphaResult = {
  alpha: number | null;
  /** Pairable values (n in Krippendorff's notation). */
  pairable: number;
  /** Units with at least two values. */
  units: number;
  /** Observed and expected disagreement (nominal: share of mismatching pairs). */
  observed: number;
  expected: number;
};

/**
 * Krippendorff's alpha, nominal metric. `units[u]` lists the values the coders
 * gave unit u; null or undefined is a missing value.
 */
export function krippendorffAlphaNominal(units: readonly (readonly (string | number | null | undefined)[])[]): AlphaResult {
  // Coincidence matrix o[c][k]: each ordered pair of values from different coders in a unit adds 1/(m_u - 1).
  const o = new Map<string, Map<string, number>>();
  let usable = 0;
  for (const unit of units) {
    const values = unit.filter((v): v is string | number => v !== null && v !== undefined).map(String);
    const m = values.length;
    if (m < 2) continue;
    usable++;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const row = o.get(values[i]!) ?? new Map<string, number>();
        row.set(values[j]!, (row.get(values[j]!) ?? 0) + 1 / (m - 1));
        o.set(values[i]!, row);
      }
    }
  }
  const nc = new Map([...o].map(([c, row]) => [c, [...row.values()].reduce((s, x) => s + x, 0)]));
  const n = [...nc.values()].reduce((s, x) => s + x, 0);
  let mismatched = 0;
  for (const [c, row] of o) for (const [k, x] of row) if (c !== k) mismatched += x;
  let expectedPairs = 0;
  for (const [c, a] of nc) for (const [k, b] of nc) if (c !== k) expectedPairs += a * b;
  const pairable = Math.round(n * 1e9) / 1e9;
  if (n < 2) return { alpha: null, pairable, units: usable, observed: 0, expected: 0 };
  const observed = mismatched / n;
  const expected = expectedPairs / (n * (n - 1));
  return { alpha: expected === 0 ? null : 1 - observed / expected, pairable, units: usable, observed, expected };
}

/** A half-open span of code points. */
export type Span = { start: number; end: number };

/** The spans merged into disjoint, sorted intervals (the set of marked characters). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

const size = (spans: readonly Span[]) => spans.reduce((n, s) => n + s.end - s.start, 0);

/** Characters in both merged span sets. */
function intersectionSize(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!.start, b[j]!.start);
    const hi = Math.min(a[i]!.end, b[j]!.end);
    if (hi > lo) both += hi - lo;
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return both;
}

/** Character-level span agreement between two reviewers, with the counts behind it. */
export type SpanAgreement = { f1: number | null; charsA: number; charsB: number; both: number };

/** Character-level overlap F1 of two reviewers' spans; null when neither marked anything. */
export function spanOverlapF1(a: readonly Span[], b: readonly Span[]): SpanAgreement {
  const ma = mergeSpans(a);
  const mb = mergeSpans(b);
  const charsA = size(ma);
  const charsB = size(mb);
  const both = intersectionSize(ma, mb);
  return { f1: charsA + charsB === 0 ? null : (2 * both) / (charsA + charsB), charsA, charsB, both };
}

/** Micro-averaged F1 over several pairs: Σ 2·both / Σ (charsA + charsB). */
export function microF1(pairs: readonly SpanAgreement[]): number | null {
  const denom = pairs.reduce((s, p) => s + p.charsA + p.charsB, 0);
  return denom === 0 ? null : (2 * pairs.reduce((s, p) => s + p.both, 0)) / denom;
}
