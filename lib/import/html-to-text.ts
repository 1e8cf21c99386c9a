/**
 * HTML page -> article text: one line per block (paragraph, heading, list
 * item...), inline markup dropped, and whatever is not the article dropped
 * with everything inside it: scripts, styles, navigation, page header and
 * footer, asides, forms, embeds.
 *
 * sanitize-html (a maintained parser-based sanitizer) does the parsing: it
 * keeps only block tags, without attributes, and discards the text of the
 * non-article tags. What is left is a flat string of block tags and escaped
 * text, which this module turns into lines.
 */
import sanitizeHtml from "sanitize-html";

/** Tags that end a line of text. */
const BLOCK_TAGS = [
  "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote",
  "pre", "figcaption", "caption", "tr", "td", "th", "br", "hr", "address", "details", "summary", "table", "ul", "ol", "dl",
];

/** Tags dropped together with all their text: never part of an article's body. */
const DROPPED_TAGS = [
  "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select", "option",
  "textarea", "iframe", "object", "embed", "svg", "math", "canvas", "video", "audio", "head", "title", "dialog", "menu",
];

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };

/**
 * Convert an HTML document or fragment into plain text with one block per
 * line. The result still needs `normalizeText` (the import pipeline runs it).
 */
export function htmlToText(html: string): string {
  const flat = sanitizeHtml(html, {
    allowedTags: BLOCK_TAGS,
    allowedAttributes: {},
    nonTextTags: DROPPED_TAGS,
    disallowedTagsMode: "discard",
  });
  return flat
    .split(/<[^>]*>/)
    // Inside a block, line breaks in the source are just spaces (HTML whitespace rules).
    .map((piece) => piece.replace(/[ \t\n\r\f]+/g, " "))
    .join("\n")
    .replace(/&(?:lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e] ?? e);
}
