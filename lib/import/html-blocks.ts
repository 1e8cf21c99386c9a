/**
 * A DOM subtree -> the article's blocks, one per line of canonical text:
 * paragraphs, headings, block quotes, list items and table rows each become
 * their own line, with their kind, and inline markup collapses into the text
 * around it (HTML whitespace rules: runs of spaces and line breaks inside a
 * block are one space). `<br>` ends a line, as it does on screen.
 *
 * Written against the standard DOM interfaces, so it runs on linkedom on the
 * server and could run on a browser's DOM.
 */

import type { LineKind } from "@/lib/schemas/article";

/** What a line was in the page. */
export type BlockKind = LineKind;

/** One line of article text and what it was. */
export type Block = { text: string; kind: BlockKind };

/** Elements whose text is never article text. */
const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "MATH",
  "CANVAS",
  "VIDEO",
  "AUDIO",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "BUTTON",
  "SELECT",
  "OPTION",
  "TEXTAREA",
  "INPUT",
  "HEAD",
  "TITLE",
  "DIALOG",
  "FORM",
]);

/** Elements that start and end a line of their own. */
const BLOCKS = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "ASIDE",
  "HEADER",
  "FOOTER",
  "NAV",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "DT",
  "DD",
  "BLOCKQUOTE",
  "PRE",
  "FIGURE",
  "FIGCAPTION",
  "CAPTION",
  "TR",
  "TABLE",
  "THEAD",
  "TBODY",
  "TFOOT",
  "UL",
  "OL",
  "DL",
  "ADDRESS",
  "DETAILS",
  "SUMMARY",
  "HR",
  "CENTER",
  "FIELDSET",
  "LEGEND",
]);

const HEADINGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6"]);
const CELLS = new Set(["TD", "TH"]);

/** The kind a block takes from itself and its ancestors inside the root. */
function kindOf(el: Element, root: Element): BlockKind {
  for (let e: Element | null = el; e && e !== root.parentElement; e = e.parentElement) {
    if (HEADINGS.has(e.tagName)) return "heading";
    if (e.tagName === "LI" || e.tagName === "DT" || e.tagName === "DD") return "list-item";
    if (e.tagName === "TR") return "row";
    if (e.tagName === "BLOCKQUOTE") return "quote";
  }
  return "paragraph";
}

/**
 * The blocks of `root`'s content in document order. Empty lines are dropped;
 * the text is not yet normalized (the import pipeline runs normalizeText).
 */
export function htmlBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  let text = "";
  let owner: Element = root;

  const flush = () => {
    const line = text.replace(/[ \t\n\r\f]+/g, " ").trim();
    if (line !== "") blocks.push({ text: line, kind: kindOf(owner, root) });
    text = "";
  };

  // Iterative walk: a 10 MB page can nest deeper than the call stack allows.
  type Frame = { node: Node; exit: boolean; owner: Element };
  const stack: Frame[] = [{ node: root, exit: false, owner: root }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const node = frame.node;
    if (frame.exit) {
      flush();
      owner = frame.owner;
      continue;
    }
    if (node.nodeType === 3) {
      text += node.nodeValue ?? "";
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag)) continue;
    if (tag === "BR") {
      flush();
      continue;
    }
    if (CELLS.has(tag)) text += " ";
    const block = BLOCKS.has(tag);
    if (block) {
      flush();
      stack.push({ node: el, exit: true, owner });
      owner = el;
    }
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false, owner });
  }
  flush();
  return blocks;
}
