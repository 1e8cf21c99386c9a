import sanitizeHtml from "sanitize-html";

/**
 * What the rich-text editor (StarterKit: paragraphs, marks, lists, quotes,
 * links) can produce. Anything else is dropped when a body is saved; exports
 * then trust stored HTML and never sanitize again.
 */
export const RICH_TEXT_TAGS = ["p", "br", "strong", "b", "em", "i", "s", "u", "code", "pre", "blockquote", "ul", "ol", "li", "a", "span"];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: RICH_TEXT_TAGS,
  allowedAttributes: { a: ["href", "rel", "target"], span: ["data-type", "data-id", "data-label"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
  // Drop the contents of these, not just the tags.
  nonTextTags: ["script", "style", "textarea", "noscript", "iframe", "object", "title"],
};

/** Maximum length of a stored rich-text body, in characters of HTML. */
export const RICH_TEXT_MAX = 20_000;

/** The sanitized HTML of a rich-text body; empty paragraphs alone become "". */
export function sanitizeRichText(html: string): string {
  const clean = sanitizeHtml(html, OPTIONS).trim();
  return richTextToPlain(clean).trim() === "" ? "" : clean;
}

/** Plain text of stored HTML (for search, CSV and length checks). */
export function richTextToPlain(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li|blockquote|pre)>/g, "$&\n").replace(/<br\s*\/?>/g, "\n"), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\n{2,}/g, "\n")
    .trim();
}
