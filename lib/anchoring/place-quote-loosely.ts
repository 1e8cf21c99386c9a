/**
 * Placement of an imported quote that is not in the text verbatim because its
 * whitespace differs: Hypothesis and other browser tools take the quote and
 * its context from a page's DOM, where a paragraph break may be "\n\n  ",
 * a space or nothing at all, while a canonical text has exactly one "\n"
 * (./normalize-text.ts). So the quote and context are compared with every
 * whitespace character left out, as Hypothesis's anchoring tolerates them.
 *
 * The quote itself must still match exactly (whitespace aside): an import has
 * no diff to lean on, so edited words are not searched for. Where the quote
 * occurs more than once, each occurrence is scored on its context as
 * re-anchoring scores candidates (./match-quote.ts: approximate prefix and
 * suffix, a small weight for the position hint), and the best must beat the
 * runner-up by the same margin re-anchoring asks for. Equal candidates are
 * never guessed between. A candidate whose context fits exactly (whitespace
 * aside), the only one that does, is taken without scoring, as
 * ./place-quote.ts takes a verbatim fit.
 *
 * Scoring costs about 0.2 ms a candidate (two approximate searches), so an
 * import bounds it: at most {@link MAX_LOOSE_CANDIDATES} per quote, and a
 * time budget shared by all of an import's quotes; past it a quote is `cut`,
 * never placed on a half-made comparison.
 *
 * Offsets in and out are code points of `text`; UTF-16 only inside, through
 * ./offsets.ts.
 */
import { OffsetIndex } from "./offsets";
import { lowerBound } from "./sorted-search";
import { DEFAULT_MATCH_OPTIONS, scoreCandidate } from "./match-quote";
import { placeQuote, type Placement, type QuoteToPlace } from "./place-quote";
import { UNLIMITED_BUDGET, type ReanchorBudget } from "./reanchor-budget";

const WHITESPACE = /\s/u;

/**
 * The quote to place; `hint` is where another tool said it was, in code
 * points of `text` (converted by the caller), used only to score candidates.
 * Without it, `start` is the hint.
 */
export type LooseQuote = QuoteToPlace & { hint?: number };

/** A text with its whitespace left out, and where each remaining unit was. */
export type LooseView = { stripped: string; at: Int32Array };

/** Most occurrences scored for one quote: a phrase this common is not told apart by 32 characters of context. */
export const MAX_LOOSE_CANDIDATES = 100;

/** A placement, or `cut`: the budget ran out before the candidates were compared. */
export type LoosePlacement = Placement | { ok: false; reason: "cut"; matches: number };

/** The text without whitespace and, for each remaining UTF-16 unit, its index in `text`. O(n); build once per text. */
export function looseView(text: string): LooseView {
  const at = new Int32Array(text.length);
  let out = "";
  let n = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || ((c <= 0x0d || c >= 0xa0) && WHITESPACE.test(text[i]!))) {
      if (i > run) out += text.slice(run, i);
      run = i + 1;
      continue;
    }
    at[n++] = i;
  }
  out += text.slice(run);
  return { stripped: out, at: at.subarray(0, n) };
}

const squeeze = (s: string) => s.normalize("NFC").replace(/\s+/gu, "");

/**
 * Places `q` in `text`: verbatim first (./place-quote.ts), then with
 * whitespace ignored. `start`/`end` of `q` are a code-point hint; `view` is
 * {@link looseView} of `text`, passed in when many quotes go into one text.
 */
export function placeQuoteLoosely(
  text: string,
  q: LooseQuote,
  index = new OffsetIndex(text),
  view?: LooseView,
  budget: ReanchorBudget = UNLIMITED_BUDGET,
): LoosePlacement {
  const exact = placeQuote(text, q, index);
  // Verbatim but ambiguous goes on too: context taken from a DOM may single one out once whitespace is ignored.
  if (exact.ok || exact.reason === "empty-quote") return exact;
  const loose = view ?? looseView(text);
  const needle = squeeze(q.exact);
  if (needle.length === 0) return { ok: false, reason: "empty-quote", matches: 0 };
  const found: number[] = [];
  for (let at = loose.stripped.indexOf(needle); at >= 0; at = loose.stripped.indexOf(needle, at + 1)) {
    if (found.push(at) > MAX_LOOSE_CANDIDATES) return { ok: false, reason: "ambiguous", matches: found.length };
  }
  if (found.length === 0) return { ok: false, reason: "quote-not-found", matches: 0 };
  const place = (at: number, how: "quote" | "context"): Placement => ({
    ok: true,
    start: index.toCodePoint(loose.at[at]!),
    end: index.toCodePoint(loose.at[at + needle.length - 1]! + 1),
    how,
  });
  if (found.length === 1) return place(found[0]!, "quote");

  const prefix = squeeze(q.prefix ?? "");
  const suffix = squeeze(q.suffix ?? "");
  const fits = found.filter(
    (at) =>
      at >= prefix.length && loose.stripped.startsWith(prefix, at - prefix.length) && loose.stripped.startsWith(suffix, at + needle.length),
  );
  if (fits.length === 1) return place(fits[0]!, "context");
  if (budget.spent()) return { ok: false, reason: "cut", matches: found.length };

  // The hint in stripped units: the first kept unit at or after it.
  const hint = q.hint ?? q.start;
  const hintUtf16 = Number.isInteger(hint) ? index.toUtf16(hint!) : 0;
  const query = { exact: needle, prefix, suffix, hint: lowerBound(loose.at, hintUtf16) };
  const scored = found
    .map((at) => ({ at, score: scoreCandidate(loose.stripped, query, at, at + needle.length, 0) }))
    .sort((a, b) => b.score - a.score || a.at - b.at);
  const [best, runnerUp] = scored as [(typeof scored)[0], (typeof scored)[0]];
  if (best.score - runnerUp.score >= DEFAULT_MATCH_OPTIONS.minMargin) return place(best.at, "context");
  return { ok: false, reason: "ambiguous", matches: scored.filter((c) => best.score - c.score < DEFAULT_MATCH_OPTIONS.minMargin).length };
}
