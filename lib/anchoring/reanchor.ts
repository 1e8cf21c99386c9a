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
 * 3. **drifted**: the claim's own words were edited and some survive. When
 *    the diff places both of its edges, it drifts there whatever share of it
 *    changed, so claims that share an edit come through it alike (only the
 *    score differs); otherwise a fuzzy match of the quote and its context is
 *    accepted only above a minimum score and with a margin over the
 *    runner-up. An edge that was a word's edge stays one (never "…with
 *    wea"). An editor must confirm or re-place it;
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

import type { AnchorFields, AnchorState } from "@/lib/schemas/claim";
import { OffsetIndex } from "./offsets";
import { describeSpan, trimSpan } from "./selectors";
import { alignTexts, imageOf, mapEdge, mapPoint, mapSpan, mergeRanges } from "./text-alignment";
import type { Alignment, Range } from "./alignment-types";
import { SUBSTANTIAL_RUN } from "./paragraph-diff";
import { DEFAULT_MATCH_OPTIONS, MAX_EXACT_DISTANCE, editDistance, matchQuote, scoreCandidate, type MatchOptions } from "./match-quote";
import { timeBudget, type ReanchorBudget } from "./reanchor-budget";

/** Where a claim stands after a correction (the AnchorState enum of the data model). */

/** A claim's selectors in the old version. */
export type AnchorInput = AnchorFields & {
  id: string;
  /** Its state before this correction: a drifted claim stays drifted until an editor confirms it, an orphan is searched for again. */
  state?: AnchorState;
  score?: number | null;
};

/** A claim's selectors in the new version. Orphans keep their old quote, with start = end = 0. */
export type AnchorResult = AnchorFields & {
  id: string;
  state: AnchorState;
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

/** Letters and digits: a kept run without them is spacing and punctuation. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where the diff puts a claim whose own words were edited: both of its edges
 * placed by the diff (./text-alignment.ts `mapEdge`), and a substantial run
 * of it kept ({@link SUBSTANTIAL_RUN}+ units holding a letter or digit, the
 * measure the diff pairs paragraphs by). Undefined when the diff cannot say,
 * or when the edit left only the claim's small words (" the ", " in "): its
 * words are gone, an orphan. The test is a fixed size, not a share of the
 * claim, so claims that share an edit and the text around it fare alike.
 */
function editedSpan(t: Texts, from: number, to: number): Range | undefined {
  const start = mapEdge(t.al, t.oldText, t.newText, from, "start");
  const end = mapEdge(t.al, t.oldText, t.newText, to, "end");
  if (start === null || end === null || end <= start) return undefined;
  const keptWords = imageOf(t.al, from, to).some(([a, b]) => {
    const run = t.newText.slice(Math.max(a, start), Math.min(b, end));
    return run.length >= SUBSTANTIAL_RUN && WORD_CHAR.test(run);
  });
  return keptWords ? [start, end] : undefined;
}

/**
 * The drift score of a span the diff placed: the usual score of a candidate.
 * Its edit distance is quadratic, so for very long spans, or once the budget
 * is spent, the diff's own count stands in: characters it did not keep.
 */
function editedScore(t: Texts, a: AnchorInput, from: number, to: number, [start, end]: Range): number {
  const now = t.newText.slice(start, end);
  const longer = Math.max(a.exact.length, now.length);
  const errors =
    longer <= MAX_EXACT_DISTANCE && !t.budget.spent()
      ? editDistance(a.exact, now)
      : longer - imageOf(t.al, from, to).reduce((n, [x, y]) => n + Math.max(0, Math.min(y, end) - Math.max(x, start)), 0);
  return scoreCandidate(t.newText, { exact: a.exact, prefix: a.prefix, suffix: a.suffix, hint: start }, start, end, errors);
}

const orphan = (a: AnchorInput, budgetExceeded = false): AnchorResult => ({
  id: a.id,
  state: "orphaned",
  start: 0,
  end: 0,
  exact: a.exact,
  prefix: a.prefix,
  suffix: a.suffix,
  score: null,
  ...(budgetExceeded ? { budgetExceeded: true } : {}),
});

function reanchorOne(t: Texts, a: AnchorInput, options: MatchOptions): AnchorResult {
  const from = t.oldIndex.toUtf16(a.start);
  const to = t.oldIndex.toUtf16(a.end);
  // An orphan's position means nothing, and a row whose quote is not at its position cannot be mapped.
  const positioned = a.state !== "orphaned" && to > from && t.oldText.slice(from, to) === a.exact;

  if (positioned) {
    const mapped = mapSpan(t.al, from, to);
    if (mapped && t.newText.slice(mapped[0], mapped[1]) === a.exact) {
      if (a.state === "drifted") return placed(t, a.id, "drifted", mapped[0], mapped[1], a.score ?? null);
      const same = t.newIndex.toCodePoint(mapped[0]) === a.start;
      return placed(t, a.id, same ? "anchored" : "moved", mapped[0], mapped[1], null);
    }
  }

  // Layer 3, from the diff: the claim's own words were edited and the diff places both of its edges. However much of it
  // changed, it drifts there (the score says how much), so claims that share an edit come through it alike.
  const edited = positioned ? editedSpan(t, from, to) : undefined;
  if (edited) {
    const span = trimSpan(t.newText, t.newIndex.toCodePoint(edited[0]), t.newIndex.toCodePoint(edited[1]), t.newIndex);
    if (span.end > span.start)
      return drifted(t, a, t.newIndex.toUtf16(span.start), t.newIndex.toUtf16(span.end), editedScore(t, a, from, to, edited));
  }

  // Layer 3, by search: an edge of the claim lies inside edited words, or the claim is an orphan looked for again.
  if (t.budget.spent()) return orphan(a, true);
  // Candidates: what the correction wrote, and what is left of the claim's own span.
  const ranges = mergeRanges([...t.al.inserted, ...(positioned ? imageOf(t.al, from, to) : [])]);
  const hint = positioned ? mapPoint(t.al, from) : 0;
  const match = matchQuote(t.newText, { exact: a.exact, prefix: a.prefix, suffix: a.suffix, hint }, ranges, options, t.budget);
  if (match.cut) return orphan(a, true);
  if (!match.accepted || !match.best) return orphan(a);
  const span = trimSpan(t.newText, t.newIndex.toCodePoint(match.best.start), t.newIndex.toCodePoint(match.best.end), t.newIndex);
  if (span.end <= span.start) return orphan(a);
  return drifted(t, a, t.newIndex.toUtf16(span.start), t.newIndex.toUtf16(span.end), match.best.score);
}

/**
 * A drifted result; its score is never higher than an earlier drift's, which
 * an editor has not confirmed yet. An edge that falls inside a word of the
 * new text is moved out to that word's edge ({@link wordEdges}) when the
 * claim's old edge was a word's edge: a character diff aligns letters of an
 * old word with a new one ("militarily" → "with weapons" kept the "w", "i"
 * and "a"), which cut a claim off at "…Ukraine with wea".
 */
function drifted(t: Texts, a: AnchorInput, from: number, to: number, score: number): AnchorResult {
  const [start, end] = wordEdges(t.newText, from, to, startsWord(a), endsWord(a));
  return placed(t, a.id, "drifted", start, end, Math.round(Math.min(score, a.state === "drifted" ? (a.score ?? 1) : 1) * 1000) / 1000);
}

const WORD_BEFORE = /[\p{L}\p{N}]+$/u;
const WORD_AFTER = /^[\p{L}\p{N}]+/u;
/** How far {@link wordEdges} looks for a word's edge: past that, it is not a word but a run of letters, left as it is. */
const LONGEST_WORD = 64;

/** Whether the claim's quote began at a word's edge (not after a letter or digit of the same word). */
const startsWord = (a: AnchorInput) => !(WORD_BEFORE.test(a.prefix) && WORD_AFTER.test(a.exact));
/** Whether the claim's quote ended at a word's edge. */
const endsWord = (a: AnchorInput) => !(WORD_BEFORE.test(a.exact) && WORD_AFTER.test(a.suffix));

/**
 * The span [from, to) of `text` (UTF-16) with an edge that lies inside a word
 * moved out to that word's edge (start to the left, end to the right), for the
 * edges asked for. Letters and digits make words, as {@link WORD_CHAR} says.
 */
function wordEdges(text: string, from: number, to: number, start: boolean, end: boolean): Range {
  const before = (i: number) => WORD_BEFORE.exec(text.slice(Math.max(0, i - LONGEST_WORD), i))?.[0].length ?? 0;
  const after = (i: number) => WORD_AFTER.exec(text.slice(i, i + LONGEST_WORD))?.[0].length ?? 0;
  const inside = (i: number) => before(i) > 0 && after(i) > 0;
  const [lead, tail] = [start && inside(from) ? before(from) : 0, end && inside(to) ? after(to) : 0];
  return [lead < LONGEST_WORD ? from - lead : from, tail < LONGEST_WORD ? to + tail : to];
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
  const t: Texts = {
    oldText,
    newText,
    oldIndex: new OffsetIndex(oldText),
    newIndex: new OffsetIndex(newText),
    al: alignTexts(oldText, newText, budget),
    budget,
  };
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
