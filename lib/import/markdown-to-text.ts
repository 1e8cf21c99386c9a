/**
 * Markdown -> article text: one line per paragraph, heading, list item or
 * quote line, with the markup syntax removed (#, *, _, `, > , list markers,
 * link and image syntax, reference definitions, rules, code fences) and the
 * words kept. Lines of one Markdown paragraph (soft line breaks) are joined
 * with a space, as a Markdown renderer would show them.
 *
 * No Markdown library is installed, and a fact-check only needs the words, so
 * this is a small line-based converter for CommonMark's common syntax, not a
 * full parser. Raw HTML inside Markdown is reduced to its text.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)\s*$/;
const RULE = /^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
const QUOTE = /^ {0,3}>\s?/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S+.*$/;
const PRIVATE_USE = 0xe000;
const TABLE_DIVIDER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Inline syntax -> its words. Order matters: images before links, code before emphasis. */
function inline(line: string): string {
  return (
    line
      // Escaped characters hide in the Private Use Area until the syntax is gone.
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, (_, c: string) => String.fromCharCode(PRIVATE_USE + c.charCodeAt(0)))
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
      .replace(/`+([^`]+?)`+/g, "$1")
      .replace(/<\/?[A-Za-z][^>]*>/g, "")
      .replace(/(\*\*|__)(?=\S)([^]*?\S)\1/g, "$2")
      .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}])/gu, "$1$2")
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, "$1$2")
      .replace(/~~(?=\S)([^]*?\S)~~/g, "$1")
      .replace(/ {2,}$|\\$/, "")
      .replace(/[\uE000-\uE07F]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PRIVATE_USE))
  );
}

/** A table row -> its cells, separated by spaces. */
const tableRow = (line: string) =>
  line
    .replace(/^\s*\|/, "")
    .replace(/\|\s*$/, "")
    .split("|")
    .map((c) => c.trim())
    .join(" ");

/**
 * Convert Markdown into plain text with one block per line. The result still
 * needs `normalizeText` (the import pipeline runs it).
 */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (paragraph.length > 0) out.push(paragraph.join(" "));
    paragraph = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const fenceMark = FENCE.exec(raw)?.[1];
    if (fence !== null) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      else out.push(raw);
      continue;
    }
    if (fenceMark) {
      flush();
      fence = fenceMark;
      continue;
    }
    if (raw.trim() === "" || REFERENCE_DEFINITION.test(raw) || TABLE_DIVIDER.test(raw)) {
      flush();
      continue;
    }
    // "Title\n=====": the underline closes the paragraph above as a heading.
    if (paragraph.length > 0 && SETEXT_UNDERLINE.test(raw)) {
      flush();
      continue;
    }
    if (RULE.test(raw)) {
      flush();
      continue;
    }
    const hardBreak = / {2,}$|\\$/.test(raw);
    let line = raw;
    let block = false;
    if (ATX_HEADING.test(line)) {
      line = line.replace(ATX_HEADING, "").replace(/\s+#+\s*$/, "");
      block = true;
    } else if (QUOTE.test(line)) {
      while (QUOTE.test(line)) line = line.replace(QUOTE, "");
    }
    if (LIST_ITEM.test(line)) {
      line = line.replace(LIST_ITEM, "");
      block = true;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      line = tableRow(line);
      block = true;
    }
    if (block) flush();
    paragraph.push(inline(line.trim()));
    if (block || hardBreak) flush();
  }
  flush();
  return out.join("\n");
}
