/**
 * The types of a text alignment, in a module of their own so that
 * ./text-alignment.ts and ./paragraph-diff.ts, which both build alignments,
 * can share them without importing each other.
 */
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
