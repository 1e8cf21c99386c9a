import sanitizeHtml from "sanitize-html";
import { RICH_TEXT_ALLOWED, RICH_TEXT_LINK_ATTRIBUTES, RICH_TEXT_PROTOCOLS } from "./allowed";

/**
 * Only what the rich-text editor can produce (./allowed.ts) survives a save;
 * exports then trust stored HTML and never sanitize again.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_ALLOWED.tags],
  allowedAttributes: Object.fromEntries(Object.entries(RICH_TEXT_ALLOWED.attributes).map(([tag, attrs]) => [tag, [...attrs]])),
  allowedSchemes: [...RICH_TEXT_PROTOCOLS],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { ...RICH_TEXT_LINK_ATTRIBUTES }),
    // Pasted HTML uses <b>/<i>; keep the emphasis in the editor's own tags.
    b: "strong",
    i: "em",
  },
  // Drop the contents of these, not just the tags.
  nonTextTags: ["script", "style", "textarea", "noscript", "iframe", "object", "title"],
};

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
