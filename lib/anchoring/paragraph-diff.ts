/**
 * The paragraph side of the alignment (./text-alignment.ts): paragraphs as
 * lines, the word diff of a run of changed paragraphs, the pairing of a
 * removed paragraph with the added one it was edited into, and paragraphs
 * that moved unchanged.
 *
 * Offsets are UTF-16 units of the JavaScript strings.
 */
import { diffArrays, diffWordsWithSpace } from "diff";
import type { KeptRun } from "./alignment-types";
import type { ReanchorBudget } from "./reanchor-budget";
import { segmentAt } from "./sorted-search";

/**
 * A removed paragraph is paired with an added one only when one is plainly an
 * edit of the other: kept runs of {@link SUBSTANTIAL_RUN}+ units cover half of
 * the longer one (a word fixed, a sentence added), or most of the shorter one
 * (sentences cut). Across the seed articles, paragraphs about the same event
 * from different outlets reach at most 0.33 and 0.67 on these measures.
 */
const PAIR_SHARE_OF_LONGER = 0.5;
const PAIR_SHARE_OF_SHORTER = 0.8;
/** Shorter kept runs (" the ", ", ") say nothing about two paragraphs being related, nor a claim about its edit (./reanchor.ts). */
export const SUBSTANTIAL_RUN = 6;
/** How many added paragraphs ahead a removed one looks for its partner. */
const PAIR_LOOKAHEAD = 6;
/** Word diffs of one paragraph pair give up beyond this many edits (the pair is then not similar). */
const MAX_WORD_EDITS = 400;

/** One paragraph: its text, its offset, and whether a line break follows it. */
export type Line = { text: string; start: number; nl: boolean };

/** The paragraphs of a canonical text, with their offsets. */
export function linesOf(text: string): Line[] {
  const parts = text.split("\n");
  let start = 0;
  return parts.map((line, i) => {
    const l = { text: line, start, nl: i < parts.length - 1 };
    start += line.length + 1;
    return l;
  });
}

/** A step of the paragraph diff: `count` paragraphs kept (neither flag), removed or added. */
export type ParagraphChunk = { removed: boolean; added: boolean; count: number };

/**
 * The paragraph diff of two texts' paragraphs. A paragraph found on one side
 * only can never be kept, so it is set aside before the Myers diff (whose cost
 * grows with the length times the number of changes) runs on the paragraphs
 * both sides share, as GNU diff does: a text with every paragraph edited costs
 * nothing to diff, where a plain diff of 1,900 paragraphs took a second.
 * Null when the budget ran out first.
 */
export function diffParagraphs(oldTexts: string[], newTexts: string[], budget: ReanchorBudget): ParagraphChunk[] | null {
  const inOld = new Set(oldTexts);
  const inNew = new Set(newTexts);
  const oldShared = oldTexts.flatMap((t, i) => (inNew.has(t) ? [i] : []));
  const newShared = newTexts.flatMap((t, i) => (inOld.has(t) ? [i] : []));
  const parts = diffArrays(
    oldShared.map((i) => oldTexts[i]!),
    newShared.map((i) => newTexts[i]!),
    { timeout: budget.remainingMs() },
  );
  if (!parts) return null;
  const out: ParagraphChunk[] = [];
  const push = (removed: boolean, added: boolean, count: number) => {
    const last = out[out.length - 1];
    if (count <= 0) return;
    if (last && last.removed === removed && last.added === added) last.count += count;
    else out.push({ removed, added, count });
  };
  let o = 0;
  let n = 0;
  let so = 0;
  let sn = 0;
  for (const p of parts) {
    const count = p.count ?? p.value.length;
    if (p.removed) so += count;
    else if (p.added) sn += count;
    else {
      for (let c = 0; c < count; c++, so++, sn++) {
        const oi = oldShared[so]!;
        const ni = newShared[sn]!;
        push(true, false, oi - o);
        push(false, true, ni - n);
        push(false, false, 1);
        o = oi + 1;
        n = ni + 1;
      }
    }
  }
  push(true, false, oldTexts.length - o);
  push(false, true, newTexts.length - n);
  return out;
}

/** Paragraphs (each with its line break) laid end to end, and where each one starts in that string. */
function joinLines(lines: Line[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = "";
  for (const l of lines) {
    starts.push(text.length);
    text += l.nl ? `${l.text}\n` : l.text;
  }
  return { text, starts };
}

/**
 * Word-diff some removed paragraphs against some added ones (each side laid
 * end to end) and return the kept runs in real offsets, split where a
 * paragraph of either side ends. Null when the two sides are too different
 * to be one an edit of the other, or when the budget ran out first.
 */
function wordRuns(removed: Line[], added: Line[], budget: ReanchorBudget): KeptRun[] | null {
  if (budget.spent()) return null;
  const a = joinLines(removed);
  const b = joinLines(added);
  // An unrelated pair costs about 4 ms before giving up (400 edits), the bulk of a rewrite's cost.
  const parts = diffWordsWithSpace(a.text, b.text, { maxEditLength: MAX_WORD_EDITS, timeout: budget.remainingMs() });
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
      const i = segmentAt(a.starts, vo);
      const k = segmentAt(b.starts, vn);
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
function isDiffAccident(
  a: string,
  r: KeptRun,
  prev: KeptRun | undefined,
  next: KeptRun | undefined,
  oldLength: number,
  newLength: number,
): boolean {
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
 * merged), else each removed paragraph paired, in order, with a similar added
 * one, until the budget is spent.
 */
export function alignBlock(removed: Line[], added: Line[], budget: ReanchorBudget): KeptRun[] {
  if (removed.length === 0 || added.length === 0) return [];
  const whole = wordRuns(removed, added, budget);
  if (whole) return whole;
  const runs: KeptRun[] = [];
  let j = 0;
  for (const r of removed) {
    if (budget.spent()) break;
    for (let k = j; k < Math.min(added.length, j + PAIR_LOOKAHEAD); k++) {
      const pair = wordRuns([r], [added[k]!], budget);
      if (!pair) continue;
      runs.push(...pair);
      j = k + 1;
      break;
    }
  }
  return runs;
}

/** Paragraphs removed in one place and added unchanged in another, each unique in both texts. */
export function findMoves(removed: Line[], added: Line[], oldLines: Line[], newLines: Line[]): { moves: KeptRun[]; moved: Set<Line> } {
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
