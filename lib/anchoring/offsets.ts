/**
 * Offset units.
 *
 * Decision: every stored or exchanged offset (database, API, W3C export)
 * counts Unicode code points of the canonical text, as the W3C Web Annotation
 * model specifies. JavaScript strings, the DOM and ProseMirror count UTF-16
 * code units. This module is the one place that converts between the two, so
 * no other file should do `text.length` arithmetic on stored offsets.
 *
 * A lone (unpaired) surrogate counts as one code point, as string iteration does.
 * Every function clamps out-of-range input to [0, length] instead of throwing:
 * callers that must reject bad input validate first (see `validateSpan`).
 */
import { lowerBound } from "./sorted-search";

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when a surrogate pair starts at UTF-16 index `i`. */
function pairStartsAt(text: string, i: number): boolean {
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1));
}

function clamp(value: number, max: number): number {
  if (Number.isNaN(value) || value <= 0) return 0;
  return value >= max ? max : Math.floor(value);
}

/** Number of Unicode code points in `s`. */
export function codePointLength(s: string): number {
  let pairs = 0;
  for (let i = 0; i < s.length - 1; i++) {
    if (pairStartsAt(s, i)) {
      pairs++;
      i++;
    }
  }
  return s.length - pairs;
}

/**
 * Convert a UTF-16 offset into a code point offset. An offset that falls
 * between the two halves of a surrogate pair is rounded down to the start of
 * that pair. O(n); use {@link OffsetIndex} for many calls on one text.
 */
export function utf16ToCodePoint(text: string, utf16Offset: number): number {
  const target = clamp(utf16Offset, text.length);
  let cp = 0;
  for (let i = 0; i < target; i++) {
    if (pairStartsAt(text, i)) {
      if (i + 1 === target) break; // inside the pair: round down
      i++;
    }
    cp++;
  }
  return cp;
}

/** Convert a code point offset into a UTF-16 offset. O(n); see {@link OffsetIndex}. */
export function codePointToUtf16(text: string, cp: number): number {
  let remaining = clamp(cp, text.length);
  let i = 0;
  while (remaining > 0 && i < text.length) {
    i += pairStartsAt(text, i) ? 2 : 1;
    remaining--;
  }
  return i;
}

/** The substring between two code point offsets (clamped; empty when `end <= start`). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const from = codePointToUtf16(text, start);
  const to = codePointToUtf16(text, end);
  return to > from ? text.slice(from, to) : "";
}

/**
 * Precomputed converter for one text, for hot paths (many claims on a long
 * article). Building it is O(n); each conversion is O(1) when the text has no
 * surrogate pairs (the usual case: identity) and O(log p) otherwise, p being the
 * number of pairs.
 */
export class OffsetIndex {
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: number;
  /** Length of the text in code points. */
  readonly codePointLength: number;
  /** UTF-16 index of the high surrogate of each pair, ascending. */
  private readonly pairUtf16: number[] = [];
  /** Code point index of each pair, ascending (pairUtf16[k] - k). */
  private readonly pairCp: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      if (pairStartsAt(text, i)) {
        this.pairCp.push(i - this.pairUtf16.length);
        this.pairUtf16.push(i);
        i++;
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.pairUtf16.length;
  }

  /** True when code point and UTF-16 offsets are the same everywhere in this text. */
  get isIdentity(): boolean {
    return this.pairUtf16.length === 0;
  }

  /** Code point offset -> UTF-16 offset (clamped). */
  toUtf16(cp: number): number {
    const c = clamp(cp, this.codePointLength);
    if (this.isIdentity) return c;
    // Each pair that starts before code point c adds one extra unit.
    return c + lowerBound(this.pairCp, c);
  }

  /** UTF-16 offset -> code point offset (clamped; inside a pair rounds down). */
  toCodePoint(u16: number): number {
    const u = clamp(u16, this.utf16Length);
    if (this.isIdentity) return u;
    // Every pair starting before u saves one unit. If u sits inside a pair
    // (at its start + 1), that pair is counted too, which is exactly the round-down.
    return u - lowerBound(this.pairUtf16, u);
  }
}

/**
 * The last at most `max` UTF-16 units of `s`, never starting inside a
 * surrogate pair (so a prefix stays short enough for libraries that count
 * UTF-16 units, such as the DOM and Hypothesis's anchoring).
 */
export function tailUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  let from = s.length - max;
  if (isLowSurrogate(s.charCodeAt(from)) && isHighSurrogate(s.charCodeAt(from - 1))) from++;
  return s.slice(from);
}

/** The first at most `max` UTF-16 units of `s`, never ending inside a surrogate pair. */
export function headUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  let to = max;
  if (isLowSurrogate(s.charCodeAt(to)) && isHighSurrogate(s.charCodeAt(to - 1))) to--;
  return s.slice(0, to);
}
