import sanitizeHtml from "sanitize-html";
import { describe, expect, it } from "vitest";
import { richTextToPlain, sanitizeRichText } from "./sanitize";

/** richTextToPlain as it was, through sanitize-html alone: the reference its fast path must agree with. */
const reference = (html: string) =>
  sanitizeHtml(html.replace(/<\/(p|li|blockquote|pre)>/g, "$&\n").replace(/<br\s*\/?>/g, "\n"), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{2,}/g, "\n")
    .trim();

const PIECES = [
  "<p>",
  "</p>",
  "<strong>",
  "</strong>",
  "<em>",
  "</em>",
  "<ul><li>",
  "</li></ul>",
  '<ol start="3"><li>',
  "</li></ol>",
  "<br>",
  "<br/>",
  "<blockquote><p>",
  "</p></blockquote>",
  '<a href="https://x.example/?a=1&b=2">',
  "</a>",
  "<code>",
  "</code>",
  "<s>",
  "</s>",
  '<span data-type="mention" data-id="u1" data-label="Ann &quot;A&quot;">',
  "</span>",
  "Tom & Jerry",
  "a < b > c",
  "&amp;",
  "&lt;",
  "&gt;",
  "&quot;",
  "&#39;",
  "&nbsp;",
  "&#x27;",
  "&copy;",
  "&amp;lt;",
  "“quoted” café",
  "  spaced  ",
  "\n",
  "𝕏",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<!-- c -->",
  "<div>",
  "</div>",
  "<b>",
  "</b>",
  '<a title="x>y">',
  '<p onclick="x()">',
  "<",
  ">",
];

/** A deterministic stream of HTML fragments, sanitized and not. */
function* corpus(n: number) {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < n; i++)
    yield Array.from({ length: 1 + Math.floor(next() * 12) }, () => PIECES[Math.floor(next() * PIECES.length)]).join("");
}

describe("richTextToPlain", () => {
  it("gives what sanitize-html gives, on stored (sanitized) HTML and on anything else", () => {
    for (const raw of corpus(600)) {
      const stored = sanitizeRichText(raw);
      expect(richTextToPlain(stored), stored).toBe(reference(stored));
      expect(richTextToPlain(raw), raw).toBe(reference(raw));
    }
  }, 30_000);
});
