/**
 * The article viewer's lines in groups of {@link LINES_PER_GROUP}: the viewer's
 * document is `lines+`, each `lines` node holding that many paragraphs (the
 * last one fewer), drawn as a `<div class="article-viewer__lines">`.
 *
 * Why: the viewer lets the browser skip laying out and painting text far out
 * of view (`content-visibility: auto`). On every line of a 200,000-character
 * article that was some 2,500 elements, each a paint-contained layer the
 * browser visits on every frame: it checked each one's visibility (an
 * intersection observer per element), hit-tested through them and committed
 * their clips, about 6 ms of each mouse move while dragging a selection, where
 * the text under the pointer needed well under 1 ms. In groups of 32 lines the
 * same skipping costs some 80 elements.
 *
 * Positions: each group adds an opening and a closing token, which
 * `TextPmMap` counts (lib/anchoring/prosemirror-positions.ts); the canonical
 * text (`docText`) is unchanged, since only textblocks are separated by '\n'.
 */
import { Node, type JSONContent } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";

/** Lines per group. */
export const LINES_PER_GROUP = 32;

/** The viewer's top node: groups of lines only. */
export const GroupedDocument = Node.create({
  name: "doc",
  topNode: true,
  content: "lines+",
});

/** A group of up to {@link LINES_PER_GROUP} lines. */
export const LineGroup = Node.create({
  name: "lines",
  content: "block+",
  parseHTML() {
    return [{ tag: "div.article-viewer__lines" }];
  },
  renderHTML() {
    return ["div", { class: "article-viewer__lines" }, 0];
  },
});

/** The paragraphs of a one-paragraph-per-line doc JSON, in groups of `size` lines. */
export function groupLines(doc: JSONContent, size = LINES_PER_GROUP): JSONContent {
  const paragraphs = doc.content ?? [];
  const content: JSONContent[] = [];
  for (let i = 0; i < paragraphs.length; i += size) content.push({ type: "lines", content: paragraphs.slice(i, i + size) });
  return { ...doc, content };
}

/** Lines per group of a doc (what `TextPmMap` needs to count its positions), 0 when its paragraphs are not grouped. */
export function linesPerGroupOf(doc: PmNode): number {
  const first = doc.firstChild;
  return !first || first.isTextblock ? 0 : first.childCount;
}
