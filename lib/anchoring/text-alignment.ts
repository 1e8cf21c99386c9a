/**
 * Where the text of one article version went in the next: the alignment that
 * re-anchoring (./reanchor.ts) maps claims through.
 *
 * Two levels, so a long article with a small correction stays cheap and a
 * moved paragraph is seen as a move, not as a scatter of matching words:
 *
 * 1. paragraphs (lines) are diffed as whole units (jsdiff `diffArrays`);
 * 2. inside a run of changed paragraphs, each removed paragraph is paired with
 *    a similar added one, and only a pair is diffed word by word
 *    (`diffWordsWithSpace`). A paragraph removed in one place and added,
 *    unchanged and unique, in another is recorded as a move.
 *
 * All offsets here are UTF-16 units of the JavaScript strings; ./reanchor.ts
 * converts from and to the code points that are stored.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';

/** A run of text the correction kept: old [oldStart, oldStart + length) equals new [newStart, newStart + length). */
export type KeptRun = { oldStart: number; newStart: number; length: number };

/** A UTF-16 range [from, to) of the new text. */
export type Range = [from: number, to: number];

/** The alignment of an old text with a new one. */
export type Alignment = {
  /** Kept runs in order in both texts (monotone). */
  runs: KeptRun[];
  /** Paragraphs that moved unchanged (not in order). */
  moves: KeptRun[];
  /** New-text ranges no run or move covers: what the correction wrote. */
  inserted: Range[];
  newLength: number;
};

/**
 * A removed paragraph is paired with an added one only when one is plainly an
 * edit of the other: kept runs of {@link SUBSTANTIAL_RUN}+ units cover half of
 * the longer one (a word fixed, a sentence added), or most of the shorter one
 * (sentences cut). Across the seed articles, paragraphs about the same event
 * from different outlets reach at most 0.33 and 0.67 on these measures.
 */
const PAIR_SHARE_OF_LONGER = 0.5;
const PAIR_SHARE_OF_SHORTER = 0.8;
/** Shorter kept runs (" the ", ", ") say nothing about two paragraphs being related. */
const SUBSTANTIAL_RUN = 6;
/** How many added paragraphs ahead a removed one looks for its partner. */
const PAIR_LOOKAHEAD = 6;
/** Word diffs of one paragraph pair give up beyond this many edits (the pair is then not similar). */
const MAX_WORD_EDITS = 400;

/** One paragraph: its text, its offset, and whether a line break follows it. */
type Line = { text: string; start: number; nl: boolean };

function linesOf(text: string): Line[] {
  const parts = text.split('\n');
  let start = 0;
  return parts.map((line, i) => {
    const l = { text: line, start, nl: i < parts.length - 1 };
    start += line.length + 1;
    return l;
  });
}

/** Paragraphs (each with its line break) laid end to end, and where each one starts in that string. */
function joinLines(lines: Line[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const l of lines) {
    starts.push(text.length);
    text += l.nl ? `${l.text}\n` : l.text;
  }
  return { text, starts };
}

/** Index of the piece holding virtual offset v (starts ascending, starts[0] = 0). */
function pieceAt(starts: number[], v: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Word-diff some removed paragraphs against some added ones (each side laid
 * end to end) and return the kept runs in real offsets, split where a
 * paragraph of either side ends. Null when the two sides are too different
 * to be one an edit of the other.
 */
function wordRuns(removed: Line[], added: Line[]): KeptRun[] | null {
  const a = joinLines(removed);
  const b = joinLines(added);
  const parts = diffWordsWithSpace(a.text, b.text, { maxEditLength: MAX_WORD_EDITS });
  if (!parts) return null;
  const virtual: KeptRun[] = [];
  let o = 0;
  let n = 0;
  for (const p of parts) {
    if (!p.added && !p.removed) virtual.push({ oldStart: o, newStart: n, length: p.value.length });
    if (!p.added) o += p.value.length;
    if (!p.removed) n += p.value.length;
  }
  const kept = virtual.filter((r, i) => !isDiffAccident(a.text, r, virtual[i - 1], virtual[i + 1], o, n));
  if (!isEditOf(kept, a.text, b.text)) return null;
  const real: KeptRun[] = [];
  for (const r of kept) {
    let vo = r.oldStart;
    let vn = r.newStart;
    let left = r.length;
    while (left > 0) {
      const i = pieceAt(a.starts, vo);
      const k = pieceAt(b.starts, vn);
      const oldEnd = a.starts[i + 1] ?? a.text.length;
      const newEnd = b.starts[k + 1] ?? b.text.length;
      const len = Math.min(left, oldEnd - vo, newEnd - vn);
      real.push({ oldStart: removed[i]!.start + (vo - a.starts[i]!), newStart: added[k]!.start + (vn - b.starts[k]!), length: len });
      vo += len;
      vn += len;
      left -= len;
    }
  }
  return real;
}

/**
 * A kept run of only spaces and punctuation wedged between changes is an
 * accident of the diff ("South Korea" -> "Seoul" keeps the space): keeping it
 * would chop a rewritten passage into pieces.
 */
function isDiffAccident(a: string, r: KeptRun, prev: KeptRun | undefined, next: KeptRun | undefined, oldLength: number, newLength: number): boolean {
  if (r.length > 3 || /[\p{L}\p{N}]/u.test(a.slice(r.oldStart, r.oldStart + r.length))) return false;
  const prevOld = prev ? prev.oldStart + prev.length : 0;
  const prevNew = prev ? prev.newStart + prev.length : 0;
  const nextOld = next ? next.oldStart : oldLength;
  const nextNew = next ? next.newStart : newLength;
  const changedBefore = r.oldStart > prevOld || r.newStart > prevNew;
  const changedAfter = nextOld > r.oldStart + r.length || nextNew > r.newStart + r.length;
  return changedBefore && changedAfter;
}

function isEditOf(runs: KeptRun[], a: string, b: string): boolean {
  const kept = runs.reduce((sum, r) => (r.length >= SUBSTANTIAL_RUN ? sum + r.length : sum), 0);
  return kept >= PAIR_SHARE_OF_LONGER * Math.max(a.length, b.length) || kept >= PAIR_SHARE_OF_SHORTER * Math.min(a.length, b.length);
}

/**
 * Kept runs of one run of changed paragraphs: the whole run word-diffed when
 * it reads as an edit (this also covers a paragraph split in two or two
 * merged), else each removed paragraph paired, in order, with a similar added one.
 */
function alignBlock(removed: Line[], added: Line[]): KeptRun[] {
  if (removed.length === 0 || added.length === 0) return [];
  const whole = wordRuns(removed, added);
  if (whole) return whole;
  const runs: KeptRun[] = [];
  let j = 0;
  for (const r of removed) {
    for (let k = j; k < Math.min(added.length, j + PAIR_LOOKAHEAD); k++) {
      const pair = wordRuns([r], [added[k]!]);
      if (!pair) continue;
      runs.push(...pair);
      j = k + 1;
      break;
    }
  }
  return runs;
}

/** Paragraphs removed in one place and added unchanged in another, each unique in both texts. */
function findMoves(removed: Line[], added: Line[], oldLines: Line[], newLines: Line[]): { moves: KeptRun[]; moved: Set<Line> } {
  const count = (lines: Line[]) => {
    const m = new Map<string, number>();
    for (const l of lines) m.set(l.text, (m.get(l.text) ?? 0) + 1);
    return m;
  };
  const inOld = count(oldLines);
  const inNew = count(newLines);
  const addedByText = new Map(added.map((l) => [l.text, l]));
  const moves: KeptRun[] = [];
  const moved = new Set<Line>();
  for (const r of removed) {
    const a = addedByText.get(r.text);
    if (!a || r.text.length === 0 || inOld.get(r.text) !== 1 || inNew.get(r.text) !== 1) continue;
    moved.add(r).add(a);
    const last = moves[moves.length - 1];
    // Consecutive paragraphs that moved together keep the line break between them.
    if (last && last.oldStart + last.length + 1 === r.start && last.newStart + last.length + 1 === a.start) {
      last.length += 1 + r.text.length;
    } else moves.push({ oldStart: r.start, newStart: a.start, length: r.text.length });
  }
  return { moves, moved };
}

/** Merge runs that touch in both texts. Input sorted by oldStart. */
function mergeRuns(runs: KeptRun[]): KeptRun[] {
  const out: KeptRun[] = [];
  for (const r of runs) {
    if (r.length <= 0) continue;
    const last = out[out.length - 1];
    if (last && last.oldStart + last.length === r.oldStart && last.newStart + last.length === r.newStart) last.length += r.length;
    else out.push({ ...r });
  }
  return out;
}

/** New-text ranges not covered by any run, for a text of `length` units. */
function uncovered(covered: KeptRun[], length: number): Range[] {
  const spans = covered.map((r) => [r.newStart, r.newStart + r.length] as Range).sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let at = 0;
  for (const [from, to] of spans) {
    if (from > at) out.push([at, from]);
    at = Math.max(at, to);
  }
  if (at < length) out.push([at, length]);
  return out;
}

/**
 * Align `oldText` with `newText` (both canonical: paragraphs joined by '\n').
 * Moves are found first, so a moved paragraph is never word-diffed against
 * an unrelated one that happens to sit next to where it was.
 */
export function alignTexts(oldText: string, newText: string): Alignment {
  const oldLines = linesOf(oldText);
  const newLines = linesOf(newText);
  const chunks = diffArrays(oldLines.map((l) => l.text), newLines.map((l) => l.text));
  const runs: KeptRun[] = [];
  const blocks: { removed: Line[]; added: Line[] }[] = [];
  let block: { removed: Line[]; added: Line[] } | null = null;
  let oi = 0;
  let ni = 0;
  for (const chunk of chunks) {
    if (chunk.removed || chunk.added) {
      if (!block) blocks.push((block = { removed: [], added: [] }));
      for (let c = 0; c < chunk.count; c++) (chunk.removed ? block.removed.push(oldLines[oi++]!) : block.added.push(newLines[ni++]!));
      continue;
    }
    block = null;
    for (let c = 0; c < chunk.count; c++, oi++, ni++) {
      const o = oldLines[oi]!;
      const n = newLines[ni]!;
      // The line break after a kept paragraph is kept when both texts go on.
      runs.push({ oldStart: o.start, newStart: n.start, length: o.text.length + (o.nl && n.nl ? 1 : 0) });
    }
  }
  const { moves, moved } = findMoves(
    blocks.flatMap((b) => b.removed),
    blocks.flatMap((b) => b.added),
    oldLines,
    newLines,
  );
  for (const b of blocks) runs.push(...alignBlock(b.removed.filter((l) => !moved.has(l)), b.added.filter((l) => !moved.has(l))));
  runs.sort((a, b) => a.oldStart - b.oldStart);
  const kept = mergeRuns(runs);
  return { runs: kept, moves, inserted: uncovered([...kept, ...moves], newText.length), newLength: newText.length };
}

/** The run that holds old offset `pos` (start <= pos < end), monotone runs first. */
function runAt(al: Alignment, pos: number): KeptRun | undefined {
  let lo = 0;
  let hi = al.runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = al.runs[mid]!;
    if (pos < r.oldStart) hi = mid - 1;
    else if (pos >= r.oldStart + r.length) lo = mid + 1;
    else return r;
  }
  return al.moves.find((r) => pos >= r.oldStart && pos < r.oldStart + r.length);
}

/**
 * The new position of the old span [start, end) when the correction left every
 * character of it in place, in one kept run or one moved paragraph; null when
 * anything inside it was edited (an insertion at either edge is outside it).
 */
export function mapSpan(al: Alignment, start: number, end: number): Range | null {
  if (end <= start) return null;
  const r = runAt(al, start);
  if (!r || end > r.oldStart + r.length) return null;
  const from = r.newStart + (start - r.oldStart);
  return [from, from + (end - start)];
}

/** Where old offset `pos` went, approximately: exact in kept text, the edge of the edit otherwise. */
export function mapPoint(al: Alignment, pos: number): number {
  const inRun = runAt(al, pos);
  if (inRun) return inRun.newStart + (pos - inRun.oldStart);
  // The last kept run that starts before pos: the edit begins where it ends.
  let lo = 0;
  let hi = al.runs.length - 1;
  let before: KeptRun | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (al.runs[mid]!.oldStart <= pos) {
      before = al.runs[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return before ? before.newStart + before.length : 0;
}

/** The new-text ranges holding kept characters of the old span [start, end), in text order. */
export function imageOf(al: Alignment, start: number, end: number): Range[] {
  const out: Range[] = [];
  for (const r of [...al.runs, ...al.moves]) {
    const from = Math.max(start, r.oldStart);
    const to = Math.min(end, r.oldStart + r.length);
    if (to > from) out.push([r.newStart + (from - r.oldStart), r.newStart + (to - r.oldStart)]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Sort and merge ranges that overlap or touch. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
