/** Binary searches over an ascending list of numbers (offsets, positions), shared by the anchoring and highlight code. */

/** Index of the first element of ascending `sorted` for which `before` is false (`before` holds for a prefix). */
function partitionPoint(sorted: ArrayLike<number>, before: (x: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element >= `value` (sorted.length when none is). */
export const lowerBound = (sorted: ArrayLike<number>, value: number) => partitionPoint(sorted, (x) => x < value);

/** Index of the first element > `value` (sorted.length when none is). */
export const upperBound = (sorted: ArrayLike<number>, value: number) => partitionPoint(sorted, (x) => x <= value);
