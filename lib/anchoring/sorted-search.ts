/** Binary searches over ascending lists (offsets, positions, runs sorted by where they start), shared by the anchoring and highlight code. */

/**
 * Index of the first item for which `before` is false, where `before` holds for
 * a prefix of `items` and for nothing after it (items.length when it holds for all).
 */
export function partitionPoint<T>(items: ArrayLike<T>, before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element >= `value` (sorted.length when none is). */
export const lowerBound = (sorted: ArrayLike<number>, value: number) => partitionPoint(sorted, (x) => x < value);

/** Index of the first element > `value` (sorted.length when none is). */
export const upperBound = (sorted: ArrayLike<number>, value: number) => partitionPoint(sorted, (x) => x <= value);

/**
 * Index of the last element <= `value`, for ascending segment starts (lines,
 * paragraphs, pieces): the segment that holds `value`. 0 when `value` is below
 * every start, so the first segment holds anything before it.
 */
export const segmentAt = (starts: ArrayLike<number>, value: number) => Math.max(0, upperBound(starts, value) - 1);
