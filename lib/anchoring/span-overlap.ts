import { lowerBound } from "./sorted-search";

/**
 * Whether spans overlap any of a set of spans, for many questions at once:
 * the set sorted by start once, with the furthest end reached so far, so each
 * question is a binary search (O(log n)) instead of a scan of every span
 * (suggestions against the 5,000 claims of a long article).
 */
export function spanOverlapIndex(spans: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((s) => s.start);
  const furthest: number[] = [];
  for (const s of sorted) furthest.push(Math.max(furthest.at(-1) ?? -Infinity, s.end));
  /** True when some span of the set has start < `end` and end > `start` (half-open spans overlap). */
  return (start, end) => {
    // How many spans start before `end`.
    const before = lowerBound(starts, end);
    return before > 0 && furthest[before - 1]! > start;
  };
}
