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

/** A space or punctuation kept between two changes only splits one rewrite into confetti. */
const isGlue = (text: string) => /^[\s\p{P}]{1,3}$/u.test(text);

/**
 * The parts of a word-level diff of `oldText` and `newText`: runs of shared
 * text, and between them one removed and one added part for each rewrite.
 */
export function diffWords(oldText: string, newText: string): DiffPart[] {
  const changes = diffWordsWithSpace(oldText, newText, { maxEditLength: MAX_WORD_EDITS }) ?? diffLines(oldText, newText);
  const raw: DiffPart[] = changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
  const parts: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) parts.push({ kind: "removed", text: removed });
    if (added) parts.push({ kind: "added", text: added });
    removed = "";
    added = "";
  };
  raw.forEach((p, i) => {
    const glue =
      p.kind === "same" && isGlue(p.text) && raw[i - 1] && raw[i - 1]!.kind !== "same" && raw[i + 1] && raw[i + 1]!.kind !== "same";
    if (p.kind === "removed" || glue) removed += p.text;
    if (p.kind === "added" || glue) added += p.text;
    if (p.kind === "same" && !glue) {
      flush();
      const last = parts[parts.length - 1];
      if (last?.kind === "same") last.text += p.text;
      else if (p.text) parts.push({ kind: "same", text: p.text });
    }
  });
  flush();
  return parts;
}

/** The old text (same + removed parts) or the new text (same + added parts) of a diff. */
export function sideOf(parts: readonly DiffPart[], side: "old" | "new"): DiffPart[] {
  return parts.filter((p) => p.kind === "same" || p.kind === (side === "old" ? "removed" : "added"));
}
