/**
 * An HTML news page -> its standfirst and body as blocks, plus the metadata
 * the page states (its title, the headline, among them). Pure and synchronous: the server runs it in a
 * worker thread (extraction-pool.ts), because a large page takes seconds.
 *
 * Steps:
 * 1. parse (linkedom, see html-document.ts) and read the metadata before
 *    anything changes the DOM (page-metadata.ts);
 * 2. remove page furniture (page-furniture.ts) and note the headline and
 *    standfirst, which publishing systems put in a header that Readability
 *    leaves out;
 * 3. Mozilla Readability finds the article body;
 * 4. the body becomes blocks (html-blocks.ts): paragraphs, headings, quotes,
 *    list items and table rows, one line each;
 * 5. the headline is the title (metadata), not a line of the text: the first
 *    line that repeats the title in other spacing, case or punctuation is
 *    dropped, and the headline element is added only when its words are
 *    not the title's (or the page states no title).
 * When Readability finds no article (a short page, a listing), the page's
 * remaining text is the body, as the old importer read it.
 */
import { Readability } from "@mozilla/readability";
import { parseDocument } from "./html-document";
import { htmlBlocks, type Block } from "./html-blocks";
import { readPageMetadata, type PageMetadata } from "./page-metadata";
import { removePageFurniture } from "./page-furniture";
import { sameWords } from "./same-words";

/** What the extraction made of a page. */
export type ExtractedArticle = {
  /** Standfirst and body (and a headline that differs from the title), one block per line, in page order. */
  blocks: Block[];
  metadata: PageMetadata;
  /** "readability" when Readability found the article, "page" when the whole page's text was taken. */
  via: "readability" | "page";
};

const clean = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

/** Words in the class, id or data hooks of a standfirst ("dek") under a headline. */
const DEK_HOOKS =
  /(?:^|[\s_-])(?:dek|p-dek|standfirst|sub-?title|sub-?headline|subhead|summary|excerpt|intro|lede|desc|description|teaser|strapline|st|subtitle)(?:$|[\s_-])/i;

function hooks(el: Element): string {
  return ["class", "id", "data-component", "data-testid", "data-qa", "data-gu-name"].map((a) => el.getAttribute(a) ?? "").join(" ");
}

const wordsOf = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Share of the words of `a` that are also in `b`. */
function overlap(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.size === 0) return 0;
  let n = 0;
  for (const w of wa) if (wb.has(w)) n++;
  return n / wa.size;
}

/**
 * The page's headline element: the heading whose words best match the
 * stated title. A lone <h1> that shares few words with it (a blog's name
 * above the post) is not the headline; then no element is, and the stated
 * title stands in.
 */
function findHeadline(doc: Document, title: string | null): Element | null {
  const headings = Array.from(doc.querySelectorAll("h1, h2, h3")).filter((h) => clean(h.textContent ?? "") !== "");
  const h1s = headings.filter((h) => h.tagName === "H1");
  if (!title) return h1s[0] ?? null;
  let best: Element | null = null;
  let bestScore = 0;
  for (const h of headings) {
    const text = clean(h.textContent ?? "");
    // Both ways: the heading should say most of the title and little else.
    const score = Math.min(overlap(title, text), overlap(text, title)) + (h.tagName === "H1" ? 0.01 : 0);
    if (score > bestScore) [best, bestScore] = [h, score];
  }
  return bestScore >= 0.5 ? best : null;
}

/**
 * The standfirst under a headline: a following element (of the headline or
 * of one of its three nearest ancestors, within a few siblings) that is
 * marked as a dek/standfirst/subtitle, or an <h2> right after the <h1>.
 */
function findStandfirst(headline: Element): string | null {
  let anchor: Element | null = headline;
  for (let level = 0; anchor && level < 4; level++, anchor = anchor.parentElement) {
    let sibling = anchor.nextElementSibling;
    for (let i = 0; sibling && i < 4; i++, sibling = sibling.nextElementSibling) {
      const marked = DEK_HOOKS.test(hooks(sibling))
        ? sibling
        : (Array.from(sibling.querySelectorAll("*"))
            .slice(0, 4)
            .find((c) => DEK_HOOKS.test(hooks(c))) ?? null);
      const candidate = marked ?? (level === 0 && i === 0 && sibling.tagName === "H2" ? sibling : null);
      if (!candidate) continue;
      // One block of 20 to 600 characters, not a byline: a standfirst is a sentence or two.
      const blocks = htmlBlocks(candidate);
      const text = blocks.length === 1 ? blocks[0]!.text : "";
      if (text.length >= 20 && text.length <= 600 && !/^by\s/i.test(text)) return text;
    }
  }
  return null;
}

/**
 * Readability drops the first heading that resembles the page title, and
 * headings whose class reads as unlikely content ("header-anchor-post"). The
 * headline is taken here already, so Readability gets no title to compare
 * with, and subheads lose their classes (the furniture rules have read them).
 */
function prepareForReadability(doc: Document, headline: Element | null): void {
  headline?.remove();
  // Readability takes its title from <title> and the og/twitter/dc meta tags; the metadata is read already.
  doc.querySelectorAll("title, meta").forEach((t) => t.remove());
  for (const h of Array.from(doc.querySelectorAll("h2, h3, h4, h5, h6"))) {
    h.removeAttribute("class");
    h.removeAttribute("id");
  }
}

/** Drop blocks that repeat a sentence of another block: pull quotes ("… the whole time." inside a paragraph). */
function withoutPullQuotes(blocks: Block[]): Block[] {
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  const keys = blocks.map((b) => key(b.text));
  return blocks.filter((b, i) => {
    const k = keys[i]!;
    if (k.length < 24 || b.kind === "heading") return true;
    return !keys.some((other, j) => j !== i && other.length > k.length + 10 && other.includes(k));
  });
}

/** Extract the article from an HTML page (see the module comment). `url` is where it came from, when known. */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  const doc = parseDocument(html);
  const metadata = readPageMetadata(doc, url);
  removePageFurniture(doc);
  const headlineEl = findHeadline(doc, metadata.title?.value ?? null);
  const headline = headlineEl ? clean(headlineEl.textContent ?? "") : (metadata.title?.value ?? "");
  const standfirst = headlineEl ? findStandfirst(headlineEl) : null;

  prepareForReadability(doc, headlineEl);
  const parsed = new Readability<Node>(doc, { serializer: (el) => el, disableJSONLD: true, charThreshold: 300 }).parse();
  const root = parsed?.content as Element | null | undefined;
  let body = root ? withoutPullQuotes(htmlBlocks(root)) : [];
  const via = body.length > 0 ? "readability" : "page";
  if (body.length === 0) {
    // Readability changes the DOM as it searches, so the whole page is read from a fresh parse.
    const fresh = parseDocument(html);
    removePageFurniture(fresh);
    body = fresh.body ? htmlBlocks(fresh.body) : [];
  }

  // The headline is the article's title: the desk shows it as the page's <h1>, so the text does not repeat it.
  const title = metadata.title?.value ?? null;
  const repeatsTitle = (text: string) => !!title && sameWords(text, title);
  // The first such line, wherever it is: a page read whole (no article found) has its navigation before the headline.
  const repeated = body.findIndex((b) => repeatsTitle(b.text));
  if (repeated >= 0) body = body.filter((_, i) => i !== repeated);
  const blocks: Block[] = [];
  const seen = new Set(body.slice(0, 3).map((b) => b.text));
  if (headline && !seen.has(headline) && !repeatsTitle(headline)) blocks.push({ text: headline, kind: "heading" });
  if (standfirst && !seen.has(standfirst) && !body.some((b) => b.text === standfirst)) blocks.push({ text: standfirst, kind: "paragraph" });
  blocks.push(...body);
  return { blocks, metadata, via };
}
