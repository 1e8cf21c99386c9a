/**
 * Re-anchoring: where each claim of an article version stands in the
 * corrected version. Pure; the server runs it when a correction is saved.
 *
 * Layers, first that applies wins:
 * 1. **anchored**: the diff left every character of the claim in place and at
 *    the same position (so the same position holds the same quote);
 * 2. **moved**: the diff left every character of the claim intact but
 *    elsewhere (text inserted or deleted before it, or its paragraph moved),
 *    and the quote at the mapped position is checked;
 * 3. **drifted**: the claim's own words were edited; a fuzzy match of the
 *    quote and its context is accepted only above a minimum score and with a
 *    margin over the runner-up. An editor must confirm or re-place it;
 * 4. **orphaned**: nothing good enough. The claim keeps its old quote and
 *    has an empty position (start = end = 0) until someone re-places it.
 *
 * The rule that keeps a claim off someone else's words: layer 3 only searches
 * text the correction wrote, plus what survives of the claim's own span.
 * Text the diff says was already in the old version somewhere else (another
 * "South Korea" three paragraphs down) is never a candidate, so an edited
 * claim can never silently jump onto an identical phrase.
 *
 * The work is bounded by a time budget (./reanchor-budget.ts): once it is
 * spent, every claim that still needs a fuzzy search is orphaned, flagged
 * `budgetExceeded`, in the order the claims were given.
 *
 * Offsets in and out are code points of the canonical texts.
 */

import type { AnchorState } from "@/lib/schemas/claim";
import { OffsetIndex } from './offsets';
import { describeSpan, trimSpan } from './selectors';
import { alignTexts, imageOf, mapPoint, mapSpan, mergeRanges } from './text-alignment';
import type { Alignment, Range } from './alignment-types';
import { DEFAULT_MATCH_OPTIONS, matchQuote, type MatchOptions } from './match-quote';
import { timeBudget, type ReanchorBudget } from './reanchor-budget';

/** Where a claim stands after a correction (the AnchorState enum of the data model). */


/** A claim's selectors in the old version. */
export type AnchorInput = {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** Its state before this correction: a drifted claim stays drifted until an editor confirms it, an orphan is searched for again. */
  state?: AnchorState;
  score?: number | null;
};

/** A claim's selectors in the new version. Orphans keep their old quote, with start = end = 0. */
export type AnchorResult = {
  id: string;
  state: AnchorState;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** The fuzzy-match score (0..1) of a drifted claim; null otherwise. */
  score: number | null;
  /** Orphaned because the budget ran out before its fuzzy search was done, not because nothing matched. */
  budgetExceeded?: true;
};

type Texts = { oldText: string; newText: string; oldIndex: OffsetIndex; newIndex: OffsetIndex; al: Alignment; budget: ReanchorBudget };

function placed(t: Texts, id: string, state: AnchorState, from: number, to: number, score: number | null): AnchorResult {
  const start = t.newIndex.toCodePoint(from);
  const end = t.newIndex.toCodePoint(to);
  const { quote } = describeSpan(t.newText, start, end, t.newIndex);
  return { id, state, start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, score };
}

/** Where the diff puts an edited span: from its first to its last character, when both survived the edit. */
function expectedSpan(al: Alignment, from: number, to: number): Range | undefined {
  const first = mapSpan(al, from, from + 1);
  const last = mapSpan(al, to - 1, to);
  return first && last && last[1] > first[0] ? [first[0], last[1]] : undefined;
}

const orphan = (a: AnchorInput, budgetExceeded = false): AnchorResult => ({
  id: a.id, state: 'orphaned', start: 0, end: 0, exact: a.exact, prefix: a.prefix, suffix: a.suffix, score: null, ...(budgetExceeded ? { budgetExceeded: true } : {}),
});

function reanchorOne(t: Texts, a: AnchorInput, options: MatchOptions): AnchorResult {
  const from = t.oldIndex.toUtf16(a.start);
  const to = t.oldIndex.toUtf16(a.end);
  // An orphan's position means nothing, and a row whose quote is not at its position cannot be mapped.
  const positioned = a.state !== 'orphaned' && to > from && t.oldText.slice(from, to) === a.exact;

  if (positioned) {
    const mapped = mapSpan(t.al, from, to);
    if (mapped && t.newText.slice(mapped[0], mapped[1]) === a.exact) {
      if (a.state === 'drifted') return placed(t, a.id, 'drifted', mapped[0], mapped[1], a.score ?? null);
      const same = t.newIndex.toCodePoint(mapped[0]) === a.start;
      return placed(t, a.id, same ? 'anchored' : 'moved', mapped[0], mapped[1], null);
    }
  }

  if (t.budget.spent()) return orphan(a, true);
  // Candidates: what the correction wrote, and what is left of the claim's own span.
  const ranges = mergeRanges([...t.al.inserted, ...(positioned ? imageOf(t.al, from, to) : [])]);
  const hint = positioned ? mapPoint(t.al, from) : 0;
  // The diff's own idea of the edited span, if it lies wholly in candidate text.
  const expected = positioned ? expectedSpan(t.al, from, to) : undefined;
  const inRanges = expected && ranges.some(([a0, b0]) => a0 <= expected[0] && expected[1] <= b0);
  const match = matchQuote(t.newText, { exact: a.exact, prefix: a.prefix, suffix: a.suffix, hint }, ranges, options, inRanges ? expected : undefined, t.budget);
  if (match.cut) return orphan(a, true);
  if (!match.accepted || !match.best) return orphan(a);
  const span = trimSpan(t.newText, t.newIndex.toCodePoint(match.best.start), t.newIndex.toCodePoint(match.best.end), t.newIndex);
  if (span.end <= span.start) return orphan(a);
  const score = Math.round(Math.min(match.best.score, a.state === 'drifted' ? (a.score ?? 1) : 1) * 1000) / 1000;
  return placed(t, a.id, 'drifted', t.newIndex.toUtf16(span.start), t.newIndex.toUtf16(span.end), score);
}

/**
 * The alignment of `oldText` with `newText`, ready to re-anchor any number of
 * claim lists (the server re-anchors live claims before deleted ones, so the
 * budget goes to what people see first). Everything shares `budget`.
 */
export function prepareReanchor(
  oldText: string,
  newText: string,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
  budget: ReanchorBudget = timeBudget(),
): (claims: readonly AnchorInput[]) => AnchorResult[] {
  const t: Texts = { oldText, newText, oldIndex: new OffsetIndex(oldText), newIndex: new OffsetIndex(newText), al: alignTexts(oldText, newText, budget), budget };
  return (claims) => claims.map((a) => reanchorOne(t, a, options));
}

/**
 * Re-anchor claims of `oldText` in `newText`. Builds the alignment once, so
 * the cost is one diff plus a binary search per claim that survived intact;
 * only claims whose words were edited pay for a fuzzy search, in the order
 * given, while the budget (1 s by default) lasts.
 */
export function reanchor(
  oldText: string,
  newText: string,
  claims: readonly AnchorInput[],
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
  budget: ReanchorBudget = timeBudget(),
): AnchorResult[] {
  return prepareReanchor(oldText, newText, options, budget)(claims);
}
