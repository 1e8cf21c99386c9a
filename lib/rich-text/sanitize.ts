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
  const lines = html.replace(/<\/(p|li|blockquote|pre)>/g, "$&\n").replace(/<br\s*\/?>/g, "\n");
  return unescapeText(storedTextOf(lines) ?? sanitizeHtml(lines, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/** The entity references sanitize-html writes in text, and `&#39;`, undone in this order. */
const unescapeText = (text: string) =>
  text
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?\/?>/g;
const ALLOWED_TAGS = new Set<string>(RICH_TEXT_ALLOWED.tags);

/**
 * The text of HTML as the sanitizer stores it, with its tags dropped and its
 * escapes left as they are: what sanitize-html with no allowed tags would
 * give, ten times faster (a report reads thousands of rationales). Null for
 * anything else (a tag the editor does not make, a comment, a stray < or >,
 * an entity the sanitizer does not write), which goes through sanitize-html.
 */
function storedTextOf(html: string): string | null {
  let unknownTag = false;
  const text = html.replace(TAG, (_, name: string) => {
    if (!ALLOWED_TAGS.has(name)) unknownTag = true;
    return "";
  });
  if (unknownTag || /[<>]/.test(text) || /&(?!(?:amp|lt|gt|quot|#39);)/.test(text)) return null;
  return text;
}
