/**
 * Stored rich text (a rationale, sanitized when saved: lib/rich-text/sanitize.ts)
 * as blocks of styled runs, for formats that lay text out themselves (the
 * PDF report): paragraphs, list items with their marker ("•" or "3.") and
 * depth, and quotes, each a list of runs that are bold, italic or plain.
 *
 * Read with a small tokenizer rather than an HTML parser: the input is the
 * sanitizer's own output (the editor's few tags, quoted attributes, the
 * five escapes it writes), and a report reads thousands of rationales.
 * Anything else (a tag the editor does not make, a stray `<`) gives null,
 * and the caller prints the plain text as before.
 */

/** A run of text in one style. */
export type RichRun = { text: string; bold: boolean; italic: boolean };
/** A paragraph, a list item (with its marker and nesting depth, 1 for a top-level list) or a quoted paragraph. */
export type RichBlock = { kind: "paragraph" | "item" | "quote"; marker: string | null; depth: number; runs: RichRun[] };

const TOKEN = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>|([^<]+)/gy;
const KNOWN = new Set(["p", "br", "strong", "em", "s", "code", "ul", "ol", "li", "blockquote", "a", "span"]);
const unescape = (t: string) =>
  t
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** The blocks of stored rich text, or null when it is not the sanitizer's output (see the module comment). */
export function richTextBlocks(html: string): RichBlock[] | null {
  const blocks: RichBlock[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let bold = 0;
  let italic = 0;
  let quote = 0;
  let current: RichBlock | null = null;
  const open = (kind: RichBlock["kind"], marker: string | null = null) => {
    current = { kind, marker, depth: lists.length, runs: [] };
    blocks.push(current);
    return current;
  };
  const block = (): RichBlock => current ?? open(quote ? "quote" : lists.length ? "item" : "paragraph");
  TOKEN.lastIndex = 0;
  let at = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    at = TOKEN.lastIndex;
    const [, closing, tag, attrs, text] = m;
    if (text !== undefined) {
      if (/[<>]/.test(text) || /&(?!(?:amp|lt|gt|quot|#39);)/.test(text)) return null;
      const value = unescape(text);
      if (!current && value.trim() === "") continue;
      block().runs.push({ text: value, bold: bold > 0, italic: italic > 0 });
      continue;
    }
    if (!KNOWN.has(tag!)) return null;
    const end = closing === "/";
    switch (tag) {
      case "strong":
        bold += end ? -1 : 1;
        break;
      case "em":
        italic += end ? -1 : 1;
        break;
      case "ul":
      case "ol":
        if (end) lists.pop();
        else lists.push({ ordered: tag === "ol", next: Number(/start="(\d+)"/.exec(attrs ?? "")?.[1] ?? 1) });
        current = null;
        break;
      case "li": {
        const list = lists.at(-1);
        if (!end && list) open("item", list.ordered ? `${list.next++}.` : "•");
        else current = null;
        break;
      }
      case "blockquote":
        quote += end ? -1 : 1;
        current = null;
        break;
      case "p":
        // A paragraph inside a list item continues the item (the editor wraps item text in <p>).
        if (!end && !(current && (current as RichBlock).kind === "item" && (current as RichBlock).runs.length === 0)) current = null;
        if (end && !(current && (current as RichBlock).kind === "item")) current = null;
        break;
      case "br":
        block().runs.push({ text: "\n", bold: bold > 0, italic: italic > 0 });
        break;
    }
  }
  if (at !== html.length) return null;
  for (const b of blocks) {
    const first = b.runs[0];
    if (first) first.text = first.text.replace(/^\s+/, "");
    const last = b.runs.at(-1);
    if (last) last.text = last.text.replace(/\s+$/, "");
  }
  return blocks.filter((b) => b.runs.some((r) => r.text !== ""));
}
