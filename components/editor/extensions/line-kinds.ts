/**
 * Line kinds in the read-only article viewer: each line stays one
 * `paragraph` node (so ProseMirror positions, and with them every claim's
 * offsets, are those of the plain text: see lib/anchoring/prosemirror-positions.ts),
 * and the node's `kind` attribute only changes the element it is drawn as:
 * a heading is an `<h2>`, a block quote a `<blockquote>`, a list item a
 * `<p data-kind="list-item">` styled as a bullet (an `<li>` would need a list
 * node around it, which would add positions).
 */
import { mergeAttributes, Node } from "@tiptap/core";
import type { LineKind } from "@/lib/schemas/article";

/** The element a line of each kind is drawn as (here and in the static first paint). */
export const LINE_TAG: Record<LineKind, "p" | "h2" | "blockquote"> = {
  paragraph: "p",
  heading: "h2",
  quote: "blockquote",
  "list-item": "p",
  row: "p",
};

/**
 * The viewer's paragraph node, with a `kind` attribute (null: a plain
 * paragraph). Made here rather than by extending StarterKit's paragraph,
 * which is not one of our dependencies by itself.
 */
export const KindedParagraph = Node.create({
  name: "paragraph",
  priority: 1000,
  group: "block",
  content: "inline*",
  parseHTML() {
    return [{ tag: "p" }];
  },
  addAttributes() {
    return {
      kind: { default: null, rendered: false, parseHTML: () => null },
    };
  },
  renderHTML({ node, HTMLAttributes }) {
    const kind = node.attrs.kind as LineKind | null;
    if (!kind || kind === "paragraph") return ["p", HTMLAttributes, 0];
    return [LINE_TAG[kind] ?? "p", mergeAttributes(HTMLAttributes, { "data-kind": kind }), 0];
  },
});
