/**
 * The article text's lines as the reports and the public page draw them,
 * from the kinds stored with the version (`ArticleVersion.lineKinds`, read by
 * lib/anchoring/line-kinds.ts): a subhead is a heading, consecutive list
 * items are one list, consecutive quote lines one block quote, and every
 * other line (a paragraph, a table row) a paragraph. Presentation only: the
 * lines, and with them every claim's code-point offsets, are the text's own.
 */
import { lineKindAt } from "@/lib/anchoring/line-kinds";
import type { LineKind } from "@/lib/schemas/article";

/** A run of lines drawn as one block. */
export type LineBlock<T> = { kind: "heading" | "quote" | "list" | "paragraph"; lines: T[] };

const BLOCK_OF: Record<LineKind, LineBlock<unknown>["kind"]> = {
  paragraph: "paragraph",
  row: "paragraph",
  heading: "heading",
  quote: "quote",
  "list-item": "list",
};

/** `lines` (one per line of the text, in order) grouped into blocks by their kinds; no kinds: every line a paragraph. */
export function lineBlocks<T>(lines: readonly T[], kinds: readonly LineKind[] | null | undefined): LineBlock<T>[] {
  const blocks: LineBlock<T>[] = [];
  lines.forEach((line, i) => {
    const kind = BLOCK_OF[lineKindAt(kinds, i)] ?? "paragraph";
    const last = blocks.at(-1);
    if (last && last.kind === kind && (kind === "list" || kind === "quote")) last.lines.push(line);
    else blocks.push({ kind, lines: [line] });
  });
  return blocks;
}

/**
 * The blocks as HTML, given each line's inner HTML (escaped, with its claim
 * marks): a subhead is an `<h3>` (under the page's `<h2>` for the text), a
 * quote a `<blockquote>` of paragraphs, list items a `<ul>`, any other line a `<p>`.
 */
export function lineBlocksHtml(lines: readonly string[], kinds: readonly LineKind[] | null | undefined): string {
  return lineBlocks(lines, kinds)
    .map((b) => {
      if (b.kind === "heading") return `<h3>${b.lines[0]}</h3>`;
      if (b.kind === "quote") return `<blockquote>${b.lines.map((l) => `<p>${l}</p>`).join("")}</blockquote>`;
      if (b.kind === "list") return `<ul>${b.lines.map((l) => `<li>${l}</li>`).join("")}</ul>`;
      return `<p>${b.lines[0]}</p>`;
    })
    .join("\n");
}
