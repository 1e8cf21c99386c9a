/**
 * Fuzzy quote matching for re-anchoring: find a claim's quote, allowing for
 * edits, inside given ranges of a corrected text, and score each candidate
 * on the quote, its context and its position (the weights Hypothesis uses in
 * its match-quote.ts).
 *
 * Unlike Hypothesis, a match is only accepted above a minimum score and with a
 * margin over the next-best candidate elsewhere: a confident wrong highlight is
 * worse for a fact-check than a lost one.
 *
 * Offsets are UTF-16 units of the text (the caller converts).
 */
import search from "approx-string-match";
import type { Range } from "./alignment-types";
import { UNLIMITED_BUDGET, type ReanchorBudget } from "./reanchor-budget";

/** What is known about the quote: its text and context in the old version, and where it should roughly be now. */
export type QuoteQuery = { exact: string; prefix: string; suffix: string; hint: number };

/** One place the quote might be now, with its score in [0, 1]. */
export type Candidate = { start: number; end: number; errors: number; score: number };

/**
 * The best candidate, whether it passed the thresholds, and the runner-up it
 * was compared with. `cut`: the budget ran out before the search was complete,
 * so nothing is accepted (an unseen runner-up could have beaten the margin).
 */
export type QuoteMatch = { best: Candidate | null; runnerUp: Candidate | null; accepted: boolean; cut?: true };

/** Thresholds of {@link matchQuote}. */
export type MatchOptions = {
  /** Lowest score a drifted anchor may have. */
  minScore: number;
  /** How far the best candidate must score above the runner-up. */
  minMargin: number;
  /** Share of the quote's length that may differ. */
  maxErrorRate: number;
};

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { minScore: 0.8, minMargin: 0.1, maxErrorRate: 0.35 };

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const MAX_ERRORS = 256;

/**
 * How well `window` (the text next to a candidate) matches the stored context.
 * No stored context (the quote was at a text edge) is neutral, 0.5, unless the
 * candidate is at the edge too.
 */
function contextScore(window: string, expected: string): number {
  if (expected.length === 0) return window.length === 0 ? 1 : 0.5;
  if (window.length === 0) return 0;
  const found = search(window, expected, expected.length);
  const errors = found[0]?.errors ?? expected.length;
  return Math.max(0, 1 - errors / expected.length);
}

/** Score one candidate found with `errors` edits. */
export function scoreCandidate(text: string, q: QuoteQuery, start: number, end: number, errors: number): number {
  const quote = 1 - errors / Math.max(1, q.exact.length);
  const prefix = contextScore(text.slice(Math.max(0, start - q.prefix.length), start), q.prefix);
  const suffix = contextScore(text.slice(end, end + q.suffix.length), q.suffix);
  const position = 1 - Math.min(1, Math.abs(start - q.hint) / Math.max(1, text.length));
  const total = WEIGHTS.quote * quote + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position;
  return total / (WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position);
}

/** Candidates scored between two looks at the budget: a short quote can match thousands of times in a long text. */
const SCORE_BATCH = 1024;

/**
 * The least-error matches of the quote inside each range (approx-string-match
 * returns only the best per search); null when the budget ran out first.
 */
function searchRanges(text: string, q: QuoteQuery, ranges: Range[], maxErrors: number, budget: ReanchorBudget): Candidate[] | null {
  const out: Candidate[] = [];
  for (const [from, to] of ranges) {
    if (to - from < q.exact.length - maxErrors) continue;
    if (budget.spent()) return null;
    for (const m of search(text.slice(from, to), q.exact, maxErrors)) {
      const start = from + m.start;
      const end = from + m.end;
      if (end <= start) continue;
      if (out.length % SCORE_BATCH === SCORE_BATCH - 1 && budget.spent()) return null;
      out.push({ start, end, errors: m.errors, score: scoreCandidate(text, q, start, end, m.errors) });
    }
  }
  return out;
}

const overlaps = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end;
const byScore = (a: Candidate, b: Candidate) => b.score - a.score || a.start - b.start;

/** Levenshtein distance of two strings (UTF-16 units), two rows of the classic table. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** Spans longer than this are not scored by edit distance (quadratic): ./reanchor.ts estimates their errors from the diff. */
export const MAX_EXACT_DISTANCE = 4_000;

/**
 * Find the quote in `ranges` of `text`. The runner-up is the best candidate
 * that does not overlap the best one, searched again with the best one cut out
 * of its range (approx-string-match reports only the least-error matches, so a
 * weaker second copy would otherwise go unseen).
 *
 * The search is for claims the diff cannot place (./reanchor.ts places a
 * claim whose edges the diff kept without searching): the least-error
 * substring can be wrong there, e.g. "send more aid" edited to "send much
 * more aid" matches "much more aid" with fewer errors than the real span.
 *
 * `budget` is looked at between searches and every {@link SCORE_BATCH}
 * candidates; when it runs out the result is `cut` and never accepted.
 */
export function matchQuote(
  text: string,
  q: QuoteQuery,
  ranges: Range[],
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
  budget: ReanchorBudget = UNLIMITED_BUDGET,
): QuoteMatch {
  if (q.exact.length === 0) return { best: null, runnerUp: null, accepted: false };
  const cut: QuoteMatch = { best: null, runnerUp: null, accepted: false, cut: true };
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(q.exact.length * options.maxErrorRate));
  const first = searchRanges(text, q, ranges, maxErrors, budget)?.sort(byScore);
  if (!first || budget.spent()) return cut;
  const chosen = first[0];
  if (!chosen) return { best: null, runnerUp: null, accepted: false };
  // Only the range that held the best one needs searching again; the others' best matches are in `first`.
  const rest = ranges
    .filter(([from, to]) => chosen.start < to && chosen.end > from)
    .flatMap(([from, to]): Range[] => [
      [from, chosen.start],
      [chosen.end, to],
    ]);
  const again = searchRanges(
    text,
    q,
    rest.filter(([a, b]) => b > a),
    maxErrors,
    budget,
  );
  if (!again) return cut;
  const others = [...first, ...again].filter((c) => !overlaps(c, chosen)).sort(byScore);
  const runnerUp = others[0] ?? null;
  const accepted = chosen.score >= options.minScore && chosen.score - (runnerUp?.score ?? 0) >= options.minMargin;
  return { best: chosen, runnerUp, accepted };
}
