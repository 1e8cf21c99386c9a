/**
 * The time budget of one re-anchoring run (./reanchor.ts).
 *
 * Re-anchoring is synchronous CPU work: on the server it blocks the Node
 * event loop, in the browser the correction form. Localized corrections cost
 * milliseconds (bench/reanchor.bench.ts), but a whole article rewritten costs
 * seconds at 100,000 characters and tens of seconds at the 1 MiB cap, almost
 * all of it in two places: word-diffing changed paragraphs against candidate
 * partners (./paragraph-diff.ts) and fuzzy-searching edited quotes
 * (./match-quote.ts). Both stop when the budget is spent, and every claim
 * whose fuzzy search was skipped or cut short is orphaned: never placed on a
 * half-searched guess. Claims the diff kept intact are still placed (that
 * costs a binary search each).
 */

/** How much time is left; shared by everything one re-anchoring run does. */
export type ReanchorBudget = {
  /** Milliseconds left (0 when spent), for jsdiff's `timeout`. */
  remainingMs(): number;
  /** True once the time is used up. */
  spent(): boolean;
};

/**
 * The default: 1 s. The bench's localized corrections of 1,000 claims need
 * well under 100 ms on a loaded 2-core machine, so only corrections that
 * rewrite most of a long article reach it.
 */
export const REANCHOR_BUDGET_MS = 1_000;

/** A budget of `ms` milliseconds from now (`now` is injectable for tests). */
export function timeBudget(ms: number = REANCHOR_BUDGET_MS, now: () => number = () => performance.now()): ReanchorBudget {
  const end = now() + ms;
  return { remainingMs: () => Math.max(0, end - now()), spent: () => now() >= end };
}

/** No limit (tools and tests that want the full search whatever it costs). */
export const UNLIMITED_BUDGET: ReanchorBudget = { remainingMs: () => Infinity, spent: () => false };
