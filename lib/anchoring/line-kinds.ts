/**
 * What each line of a canonical text was in the page it came from: a
 * heading, a block quote, a list item, a table row, or a paragraph. Stored
 * with the article version (`ArticleVersion.lineKinds`, a JSON array aligned
 * to the lines of `text`, null when every line is a paragraph) and used only
 * to present the text: the text itself, and so every code-point offset of a
 * claim, is the same whatever the kinds say.
 *
 * Corrections: a line of the new text keeps the kind of an identical line of
 * the old text (the first not yet taken, in order); an edited or new line is
 * a paragraph. So a subhead stays a subhead while its words are unchanged.
 */
import type { LineKind } from "@/lib/schemas/article";

const KNOWN = new Set<string>(["paragraph", "heading", "quote", "list-item", "row"] satisfies LineKind[]);

/** Kinds as stored: null when there are none to tell (every line a paragraph). */
export function storedLineKinds(kinds: readonly LineKind[]): LineKind[] | null {
  return kinds.some((k) => k !== "paragraph") ? [...kinds] : null;
}

/**
 * The stored kinds of a text with `lineCount` lines, read defensively: null
 * (all paragraphs) unless it is an array of known kinds, one per line.
 */
export function readLineKinds(stored: unknown, lineCount: number): LineKind[] | null {
  if (!Array.isArray(stored) || stored.length !== lineCount) return null;
  return stored.every((k) => typeof k === "string" && KNOWN.has(k)) ? (stored as LineKind[]) : null;
}

/** The kind of line `i`, "paragraph" when the kinds are absent. */
export const lineKindAt = (kinds: readonly LineKind[] | null | undefined, i: number): LineKind => kinds?.[i] ?? "paragraph";

/** The kinds of a corrected text, carried over from the old text's unchanged lines (see the module comment). */
export function carryLineKinds(oldText: string, oldKinds: readonly LineKind[] | null, newText: string): LineKind[] | null {
  if (!oldKinds) return null;
  const byLine = new Map<string, LineKind[]>();
  oldText.split("\n").forEach((line, i) => {
    const list = byLine.get(line) ?? [];
    list.push(lineKindAt(oldKinds, i));
    byLine.set(line, list);
  });
  return storedLineKinds(newText.split("\n").map((line) => byLine.get(line)?.shift() ?? "paragraph"));
}
