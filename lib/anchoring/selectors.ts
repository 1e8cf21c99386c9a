/**
 * W3C Web Annotation selectors for a span of canonical text.
 *
 * A claim stores both selectors: the position is exact and cheap, the quote
 * (with context) survives edits and lets a span be re-anchored in a corrected
 * version. All offsets are Unicode code points (see ./offsets).
 *
 * Each function accepts an optional prebuilt {@link OffsetIndex} for the same
 * text: without it a call is O(n), with it O(log n).
 */
import { OffsetIndex } from "./offsets";

/** Code points of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** W3C TextQuoteSelector: the quoted text plus up to {@link CONTEXT_LENGTH} code points either side. */
export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };

/** W3C TextPositionSelector: [start, end) in code points of the canonical text. */
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };

/** The pair of selectors stored for every claim. */
export type Selectors = { quote: TextQuoteSelector; position: TextPositionSelector };

/** Why a span was rejected by {@link validateSpan}. */
export type SpanProblem = "empty" | "out-of-range" | "reversed" | "whitespace-only";

/** A simple JS `\s`: canonical text only has ' ' and '\n', but spans may come from elsewhere. */
const WHITESPACE_ONLY = /^\s+$/u;

function isOffset(index: OffsetIndex, n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= index.codePointLength;
}

/** Clamp a code point offset to [0, length] (the round trip clamps and floors). */
function clampCp(index: OffsetIndex, n: number): number {
  return index.toCodePoint(index.toUtf16(n));
}

function unitRange(index: OffsetIndex, start: number, end: number): { from: number; to: number } {
  const from = index.toUtf16(start);
  return { from, to: Math.max(from, index.toUtf16(end)) };
}

/**
 * Describe the span [start, end) with both selectors. Offsets are clamped to
 * the text; a reversed span is treated as empty at `start`. Call
 * {@link validateSpan} first when the offsets come from a client.
 *
 * The prefix is up to 32 code points before `start` and the suffix up to 32
 * after `end`: fewer at the text edges, and never half a surrogate pair.
 */
export function describeSpan(text: string, start: number, end: number, index = new OffsetIndex(text)): Selectors {
  const s = clampCp(index, start);
  const e = Math.max(s, clampCp(index, end));
  const prefixFrom = index.toUtf16(s - CONTEXT_LENGTH);
  const from = index.toUtf16(s);
  const to = index.toUtf16(e);
  const suffixTo = index.toUtf16(e + CONTEXT_LENGTH);
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(from, to),
      prefix: text.slice(prefixFrom, from),
      suffix: text.slice(to, suffixTo),
    },
    position: { type: "TextPositionSelector", start: s, end: e },
  };
}

/**
 * Check that [start, end) is a span a claim may anchor to: integer offsets
 * within the text, not reversed, not empty, and not only whitespace.
 */
export function validateSpan(
  text: string,
  start: number,
  end: number,
  index = new OffsetIndex(text),
): { ok: true } | { ok: false; reason: SpanProblem } {
  if (!isOffset(index, start) || !isOffset(index, end)) return { ok: false, reason: "out-of-range" };
  if (end < start) return { ok: false, reason: "reversed" };
  if (end === start) return { ok: false, reason: "empty" };
  const { from, to } = unitRange(index, start, end);
  if (WHITESPACE_ONLY.test(text.slice(from, to))) return { ok: false, reason: "whitespace-only" };
  return { ok: true };
}

/**
 * Shrink [start, end) so it neither starts nor ends with whitespace (a mouse
 * selection often grabs the space after a word, or the line break). Offsets
 * are clamped first; a whitespace-only span collapses to an empty span at its end.
 */
export function trimSpan(text: string, start: number, end: number, index = new OffsetIndex(text)): { start: number; end: number } {
  const { from, to } = unitRange(index, start, end);
  let a = from;
  let b = to;
  // Whitespace is always one UTF-16 unit, so unit steps never split a pair.
  while (a < b && /\s/u.test(text.charAt(a))) a++;
  while (b > a && /\s/u.test(text.charAt(b - 1))) b--;
  return { start: index.toCodePoint(a), end: index.toCodePoint(b) };
}

/**
 * True when the text at the position selector equals the quote's `exact`.
 * Only `exact` is compared: prefix and suffix are for re-anchoring, and an
 * API that receives selectors from a client should rebuild them with
 * {@link describeSpan} rather than trust the client's context.
 */
export function quoteMatchesPosition(text: string, sel: Selectors, index = new OffsetIndex(text)): boolean {
  const { start, end } = sel.position;
  if (!isOffset(index, start) || !isOffset(index, end) || end < start) return false;
  const { from, to } = unitRange(index, start, end);
  return text.slice(from, to) === sel.quote.exact;
}
