/**
 * Exact placement of a W3C quote (with optional position and context) in a
 * canonical text, for importing annotations. Unlike re-anchoring after a
 * correction (./reanchor.ts), an import has no diff to lean on, so it never
 * guesses: the quote must be found verbatim, and where it occurs more than
 * once its prefix and suffix must single out exactly one occurrence.
 *
 * Order: the position, when the quote is there; else the only occurrence of
 * the quote; else the only occurrence whose context matches.
 *
 * Offsets in and out are code points of `text`.
 */
import { OffsetIndex } from "./offsets";
import { quoteMatchesPosition } from "./selectors";

/** What is known about the span: the quote with its context, and perhaps a position. */
export type QuoteToPlace = { exact: string; prefix?: string; suffix?: string; start?: number; end?: number };

export type Placement =
  | { ok: true; start: number; end: number; how: "position" | "quote" | "context" }
  | { ok: false; reason: "empty-quote" | "quote-not-found" | "ambiguous"; matches: number };

/** UTF-16 starts of every occurrence of `needle`, overlapping ones included. */
function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/** True when `prefix` is exactly the text before `at` and `suffix` exactly the text after `to` (empty context fits anywhere). */
function contextFits(text: string, at: number, to: number, prefix: string, suffix: string): boolean {
  return (prefix === "" || (at >= prefix.length && text.startsWith(prefix, at - prefix.length))) && text.startsWith(suffix, to);
}

/** Places `q` in `text`, or says why it cannot. Quotes and context are compared in NFC, as canonical texts are. */
export function placeQuote(text: string, q: QuoteToPlace, index = new OffsetIndex(text)): Placement {
  const exact = q.exact.normalize("NFC");
  if (exact.length === 0) return { ok: false, reason: "empty-quote", matches: 0 };
  if (Number.isInteger(q.start) && Number.isInteger(q.end)) {
    const sel = {
      quote: { type: "TextQuoteSelector" as const, exact, prefix: "", suffix: "" },
      position: { type: "TextPositionSelector" as const, start: q.start!, end: q.end! },
    };
    if (quoteMatchesPosition(text, sel, index)) return { ok: true, start: q.start!, end: q.end!, how: "position" };
  }
  const found = occurrences(text, exact);
  const place = (at: number, how: "quote" | "context"): Placement => ({
    ok: true,
    start: index.toCodePoint(at),
    end: index.toCodePoint(at + exact.length),
    how,
  });
  if (found.length === 0) return { ok: false, reason: "quote-not-found", matches: 0 };
  if (found.length === 1) return place(found[0]!, "quote");
  const prefix = (q.prefix ?? "").normalize("NFC");
  const suffix = (q.suffix ?? "").normalize("NFC");
  const fitting = found.filter((at) => contextFits(text, at, at + exact.length, prefix, suffix));
  if (fitting.length === 1) return place(fitting[0]!, "context");
  return { ok: false, reason: "ambiguous", matches: fitting.length || found.length };
}
