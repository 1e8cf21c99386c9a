/**
 * Where the text of one article version went in the next: the alignment that
 * re-anchoring (./reanchor.ts) maps claims through.
 *
 * Two levels, so a long article with a small correction stays cheap and a
 * moved paragraph is seen as a move, not as a scatter of matching words:
 *
 * 1. paragraphs (lines) are diffed as whole units (jsdiff `diffArrays` on the
 *    paragraphs both texts share, ./paragraph-diff.ts `diffParagraphs`);
 * 2. inside a run of changed paragraphs, each removed paragraph is paired with
 *    a similar added one, and only a pair is diffed word by word
 *    (`diffWordsWithSpace`). A paragraph removed in one place and added,
 *    unchanged and unique, in another is recorded as a move.
 *
 * All offsets here are UTF-16 units of the JavaScript strings; ./reanchor.ts
 * converts from and to the code points that are stored.
 */
import { alignBlock, diffParagraphs, findMoves, linesOf, type Line, type ParagraphChunk } from "./paragraph-diff";
import { UNLIMITED_BUDGET, type ReanchorBudget } from "./reanchor-budget";
import type { Alignment, KeptRun, Range } from "./alignment-types";
import { partitionPoint } from "./sorted-search";

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

/** The paragraph diff when it ran out of time: every paragraph changed (findMoves still finds the unique unchanged ones). */
const allChanged = (oldCount: number, newCount: number): ParagraphChunk[] => [
  { removed: true, added: false, count: oldCount },
  { removed: false, added: true, count: newCount },
];

/**
 * Align `oldText` with `newText` (both canonical: paragraphs joined by '\n').
 * Moves are found first, so a moved paragraph is never word-diffed against
 * an unrelated one that happens to sit next to where it was.
 *
 * Within `budget`: the paragraph diff and the word diffs stop when it is
 * spent, leaving the text they did not get to as written by the correction.
 * The alignment is then coarser, never wrong: every kept run is text that is
 * equal in both versions.
 */
export function alignTexts(oldText: string, newText: string, budget: ReanchorBudget = UNLIMITED_BUDGET): Alignment {
  const oldLines = linesOf(oldText);
  const newLines = linesOf(newText);
  // Half a million one-letter paragraphs, shuffled, would take hours to diff.
  const chunks =
    diffParagraphs(
      oldLines.map((l) => l.text),
      newLines.map((l) => l.text),
      budget,
    ) ?? allChanged(oldLines.length, newLines.length);
  const runs: KeptRun[] = [];
  const blocks: { removed: Line[]; added: Line[] }[] = [];
  let block: { removed: Line[]; added: Line[] } | null = null;
  let oi = 0;
  let ni = 0;
  for (const chunk of chunks) {
    if (chunk.removed || chunk.added) {
      if (!block) blocks.push((block = { removed: [], added: [] }));
      for (let c = 0; c < chunk.count; c++) {
        if (chunk.removed) block.removed.push(oldLines[oi++]!);
        else block.added.push(newLines[ni++]!);
      }
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
  for (const b of blocks)
    runs.push(
      ...alignBlock(
        b.removed.filter((l) => !moved.has(l)),
        b.added.filter((l) => !moved.has(l)),
        budget,
      ),
    );
  runs.sort((a, b) => a.oldStart - b.oldStart);
  const kept = mergeRuns(runs);
  return { runs: kept, moves, inserted: uncovered([...kept, ...moves], newText.length), newLength: newText.length };
}

/** The last monotone run that starts at or before old offset `pos` (the runs are sorted by `oldStart` and do not overlap). */
const lastRunStartingAtOrBefore = (al: Alignment, pos: number): KeptRun | undefined =>
  al.runs[partitionPoint(al.runs, (r) => r.oldStart <= pos) - 1];

/** The run that holds old offset `pos` (start <= pos < end), monotone runs first. */
function runAt(al: Alignment, pos: number): KeptRun | undefined {
  const r = lastRunStartingAtOrBefore(al, pos);
  if (r && pos < r.oldStart + r.length) return r;
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
  const before = lastRunStartingAtOrBefore(al, pos);
  return before ? before.newStart + before.length : 0;
}

/** The last monotone run that ends at or before old offset `pos`, and the first that starts after it. */
function runsAround(al: Alignment, pos: number): { before: KeptRun | undefined; after: KeptRun | undefined } {
  const i = partitionPoint(al.runs, (r) => r.oldStart + r.length <= pos);
  const after = al.runs[i];
  return { before: al.runs[i - 1], after: after && after.oldStart > pos ? after : undefined };
}

const inLine = (text: string, at: number) => at >= 0 && at < text.length && text[at] !== "\n";

/**
 * Where one edge of an old span went, as far as the diff can say:
 * - the edge character was kept (the span's first character for `start`, its
 *   last for `end`): exactly where the diff put it;
 * - the span's edge is the edge of an edit inside a paragraph (the span starts
 *   where replaced words start, or ends where they end): the same edge of the
 *   words that replaced them;
 * - anything else (the edge falls inside edited words, or the edit replaced or
 *   joined whole paragraphs): null.
 * An edit counts as inside a paragraph when neither side of it holds a line
 * break and kept text of the same line touches it in both texts.
 */
export function mapEdge(al: Alignment, oldText: string, newText: string, pos: number, side: "start" | "end"): number | null {
  const probe = side === "start" ? pos : pos - 1;
  const kept = runAt(al, probe);
  if (kept) return al.moves.includes(kept) ? null : kept.newStart + (pos - kept.oldStart);
  const { before, after } = runsAround(al, probe);
  const g0 = before ? before.oldStart + before.length : 0;
  const g1 = after ? after.oldStart : oldText.length;
  const h0 = before ? before.newStart + before.length : 0;
  const h1 = after ? after.newStart : newText.length;
  if (pos !== (side === "start" ? g0 : g1) || h1 < h0) return null;
  if (oldText.slice(g0, g1).includes("\n") || newText.slice(h0, h1).includes("\n")) return null;
  if (al.moves.some((m) => m.oldStart < g1 && g0 < m.oldStart + m.length)) return null;
  const keptAround = (inLine(oldText, g0 - 1) && inLine(newText, h0 - 1)) || (inLine(oldText, g1) && inLine(newText, h1));
  if (!keptAround) return null;
  return side === "start" ? h0 : h1;
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
