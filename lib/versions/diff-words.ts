/**
 * What changed between two texts, word by word, for the side-by-side view of
 * an article's versions. jsdiff's word diff with whitespace as tokens, so the
 * parts put back together give each text exactly.
 */
import { diffLines, diffWordsWithSpace } from "diff";

/** A run of text that both versions share, or that only the old (removed) or the new (added) one has. */
export type DiffPart = { kind: "same" | "removed" | "added"; text: string };

/** Beyond this many word edits the texts are compared line by line instead (still exact, less fine). */
const MAX_WORD_EDITS = 20_000;

/** The parts of a word-level diff of `oldText` and `newText`, adjacent parts of one kind merged. */
export function diffWords(oldText: string, newText: string): DiffPart[] {
  const changes = diffWordsWithSpace(oldText, newText, { maxEditLength: MAX_WORD_EDITS }) ?? diffLines(oldText, newText);
  const parts: DiffPart[] = [];
  for (const c of changes) {
    const kind = c.added ? "added" : c.removed ? "removed" : "same";
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += c.value;
    else if (c.value) parts.push({ kind, text: c.value });
  }
  return parts;
}

/** The old text (same + removed parts) or the new text (same + added parts) of a diff. */
export function sideOf(parts: readonly DiffPart[], side: "old" | "new"): DiffPart[] {
  return parts.filter((p) => p.kind === "same" || p.kind === (side === "old" ? "removed" : "added"));
}
