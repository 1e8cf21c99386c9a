/**
 * Page furniture removed from the DOM before Readability looks for the
 * article: what surrounds or interrupts a news story on the page but is not
 * what the outlet published as the story. Readability finds the body well,
 * but keeps much of what sits inside it (captions, ad labels, share bars,
 * newsletter boxes, "Read more" cards, bylines and datelines, tweet
 * attribution lines); on the evaluation set these rules move F1 from 0.890
 * (Readability alone) to the figure `npm run bench` prints.
 *
 * The rules are data: a name, what they match (tags, or words in the class,
 * id and data-* hooks that publishing systems put on these blocks), and
 * whether they apply only to short elements. Two guards keep them from
 * taking article text:
 * - "short" rules (bylines, dates, captions, ad labels, tag lines) only
 *   remove elements with little text, so a body container whose class
 *   happens to hold "date" or "tags" is never removed;
 * - no rule removes an element that holds most of the page's paragraph text
 *   (the body and its ancestors), whatever its class says.
 */

/** One furniture rule. */
type FurnitureRule = {
  name: string;
  /** Tag names (upper case) that are furniture wherever they are. */
  tags?: readonly string[];
  /** Matched against the element's class, id and data-component/testid/qa hooks. */
  hooks?: RegExp;
  /** Only elements whose text is at most this many characters. */
  maxText?: number;
};

/**
 * Hook words, matched whole between separators in the lower-cased hooks
 * (camelCase split first, see hooksOf). A "-" in a word matches any
 * separator or none: "read-more" matches read-more, read_more, readmore and ReadMore.
 */
const words = (list: string) =>
  new RegExp(
    `(?:^|[\\s_-])(?:${list
      .split("|")
      .map((w) => w.split(/[-_]/).join("[\\s_-]?"))
      .join("|")})(?=$|[\\s_-])`,
  );

const RULES: readonly FurnitureRule[] = [
  {
    name: "hidden",
    tags: ["TEMPLATE", "NOSCRIPT", "SCRIPT", "STYLE", "SVG", "IFRAME", "FORM", "BUTTON", "SELECT", "INPUT", "TEXTAREA", "DIALOG"],
  },
  { name: "navigation", tags: ["NAV", "ASIDE", "FOOTER", "AMP-AD", "AMP-SIDEBAR", "AMP-CONSENT", "AMP-SOCIAL-SHARE", "AMP-EMBED"] },
  { name: "caption", tags: ["FIGCAPTION"], maxText: 600 },
  {
    name: "caption",
    hooks: words(
      "caption|captions|credit|credits|copyright|img_desc|img_descr|img-descr|photo_caption|wp-caption-text|media__caption|media__credit|image-source",
    ),
    maxText: 600,
  },
  {
    name: "byline",
    hooks: words(
      "byline|bylines|author|authors|author-name|contributor|contributors|dateline|date|dates|datestamp|timestamp|time|posted-on|pubdate|published|updated|modified|reading-time|read-time|entry-meta|post-meta|article-meta|meta|info|kicker|eyebrow|overline|section-label|series|rubric",
    ),
    maxText: 300,
  },
  {
    name: "tags",
    hooks: words(
      "tag|tags|article-tag|post-tag|tag-list|tags-links|keywords|labels|post-labels|cat-links|categories|topics|related-topics|archived",
    ),
    maxText: 400,
  },
  {
    name: "advertising",
    hooks: words(
      "ad|ads|advert|advertisement|ad-label|ad-slot|ad-container|ad-wrapper|dfp|dfp-ad|gpt|sponsor|sponsored|affiliate|anzeige|outbrain|taboola|adsense|ad_feedback|ad-feedback|odds|gamble",
    ),
    maxText: 300,
  },
  { name: "advertising", hooks: /(?:^|\s)div-gpt-ad/ },
  {
    name: "share",
    hooks: words(
      "share|shares|sharing|share-bar|share-tools|sharedaddy|social|social-buttons|addtoany|follow|follow-bar|ufi|like-button|likeit|reactions|print|tools",
    ),
  },
  {
    name: "subscription",
    hooks: words(
      "newsletter|newsletters|subscribe|subscription|subscriptions|signup|sign-up|paywall|regwall|piano|offer|premium|membership|contribution|contributions|contribute|epic|donate|support|cta|gh-cta|susc|abonnement|login|register",
    ),
  },
  {
    name: "related",
    hooks: words(
      "related|recirc|read-more|readmore|read-next|more-stories|more-on|see-also|see-alsos|also-read|rich-link|interstitial|interstitial-link|recommended|recommend|most-read|most-viewed|most-popular|popular|trending|top-stories|post-navigation|nav-previous|nav-next|catcher|box-inline-topic|links-block|page-promo|jp-relatedposts|rp-grid|zone__items|last-news|hot-news|ranking|press_ranking|linked|program",
    ),
  },
  {
    name: "comments",
    hooks: words("comment|comments|comment-list|respond|discussion|disqus|replies|kommentare|comentarios|comments-section|responses"),
  },
  { name: "author-bio", hooks: words("author-bio|author-box|about-author|bio|author-card|follow-card|media-contacts") },
  { name: "consent", hooks: words("cookie|cookies|consent|gdpr|onetrust|cmp|eu-cookie-compliance|sliding-popup|privacy-banner") },
  {
    name: "notice",
    hooks: words(
      "disclaimer|disclosure|affiliate-disclosure|alert-bar|alert-banner|usa-banner|breaking|pullquote|pull-quote|wp-block-pullquote|jump-links|toc|ez-toc-container|key-events|video-resource|video-player|media-player|video-embed|jwplayer|brightcove",
    ),
  },
];

/**
 * Generated class names ("pw-post-body-paragraph nm nn gr no b np ad ...")
 * say nothing, and a random two-letter class could read as "ad": a class
 * list that is mostly tokens of one to three characters is ignored.
 */
function meaningfulClass(value: string): string {
  const tokens = value.split(/\s+/).filter(Boolean);
  return tokens.length >= 4 && tokens.filter((t) => t.length <= 3).length * 4 >= tokens.length * 3 ? "" : value;
}

/** The class, id and data hooks of an element, one lower-case string, camelCase words split ("StandardAd" -> "standard ad"). */
function hooksOf(el: Element): string {
  return [
    meaningfulClass(el.getAttribute("class") ?? ""),
    ...["id", "data-component", "data-testid", "data-qa", "data-gu-name"].map((a) => el.getAttribute(a) ?? ""),
  ]
    .join(" ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true") return true;
  const style = (el.getAttribute("style") ?? "").replace(/\s+/g, "").toLowerCase();
  return style.includes("display:none") || style.includes("visibility:hidden");
}

/** Per element: its text length (non-space characters), how much of it is link text, and its share of paragraph text. */
type TextStats = { text: number; linked: number; paragraphs: number };

const PARAGRAPH_TAGS = new Set(["P", "LI", "TD", "BLOCKQUOTE"]);

/**
 * Text statistics of every element under `root`, in one post-order pass
 * (the page can have tens of thousands of elements; reading textContent per
 * element would be quadratic).
 */
function textStats(root: Element): Map<Element, TextStats> {
  const stats = new Map<Element, TextStats>();
  type Frame = { el: Element; children: Element[]; next: number; own: number; inLink: boolean };
  const ownText = (el: Element) => {
    let n = 0;
    for (const node of Array.from(el.childNodes)) if (node.nodeType === 3) n += (node.nodeValue ?? "").replace(/\s+/g, "").length;
    return n;
  };
  const open = (el: Element, inLink: boolean): Frame => ({
    el,
    children: Array.from(el.children),
    next: 0,
    own: ownText(el),
    inLink: inLink || el.tagName === "A",
  });
  const stack: Frame[] = [open(root, false)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      stack.push(open(top.children[top.next++]!, top.inLink));
      continue;
    }
    stack.pop();
    const s: TextStats = { text: top.own, linked: top.inLink ? top.own : 0, paragraphs: 0 };
    for (const child of top.children) {
      const c = stats.get(child)!;
      s.text += c.text;
      s.linked += c.linked;
      s.paragraphs += c.paragraphs;
    }
    if (PARAGRAPH_TAGS.has(top.el.tagName.toUpperCase()) && s.text >= 70 && s.paragraphs === 0) s.paragraphs = s.text;
    stats.set(top.el, s);
  }
  return stats;
}

/** A tweet or other social embed: keep what the post said (its paragraphs), drop the attribution line and scripts. */
function trimEmbeds(doc: Document): void {
  for (const quote of Array.from(
    doc.querySelectorAll(
      "blockquote.twitter-tweet, blockquote.twitter-video, blockquote[class*='bluesky'], blockquote.threads-post, blockquote.mastodon-embed",
    ),
  )) {
    const paragraphs = Array.from(quote.querySelectorAll("p"));
    while (quote.firstChild) quote.removeChild(quote.firstChild);
    paragraphs.forEach((p) => quote.appendChild(p));
  }
  for (const embed of Array.from(doc.querySelectorAll("blockquote.instagram-media, blockquote.tiktok-embed, .fb-post, .fb-video")))
    embed.remove();
}

/** Which rule, if any, makes `el` furniture, given its text length. */
function furnitureRule(el: Element, textLength: number): FurnitureRule | null {
  const tag = el.tagName.toUpperCase();
  if (tag === "H1" || tag === "BODY" || tag === "HTML" || tag === "MAIN" || tag === "ARTICLE") return null;
  const hooks = hooksOf(el);
  for (const rule of RULES) {
    const hit = rule.tags?.includes(tag) || (hooks !== "" && rule.hooks?.test(hooks));
    if (hit && (rule.maxText === undefined || textLength <= rule.maxText)) return rule;
  }
  return null;
}

/** Elements that can be a list of links (a related rail, a "Read more" card, a tag cloud) rather than text. */
const LINK_LIST_TAGS = new Set(["UL", "OL", "DIV", "SECTION", "P", "TABLE", "DL", "SPAN", "FIGURE"]);

/**
 * A block that is almost all link text is navigation or a teaser, not
 * something the article says: at least 80 % of its text inside <a> elements
 * (a paragraph only when short, so a body paragraph linking its source survives).
 */
function isLinkList(el: Element, s: TextStats): boolean {
  const tag = el.tagName.toUpperCase();
  if (!LINK_LIST_TAGS.has(tag) || s.text === 0 || s.text > 3000 || (tag === "P" && s.text > 200)) return false;
  return s.linked >= s.text * 0.8;
}

/** What the cleanup took out of the page, by rule (for the benchmark and tests). */
export type FurnitureCounts = Record<string, number>;

/**
 * Remove page furniture from `doc` in place (see the module comment), and
 * return how many elements each rule removed.
 */
export function removePageFurniture(doc: Document): FurnitureCounts {
  const counts: FurnitureCounts = {};
  trimEmbeds(doc);
  const body = doc.body;
  if (!body) return counts;
  const stats = textStats(body);
  const total = stats.get(body)!.paragraphs;
  // Iterative, parents before children: a removed element's descendants are never visited.
  const stack: Element[] = Array.from(body.children).reverse();
  while (stack.length > 0) {
    const el = stack.pop()!;
    const s = stats.get(el)!;
    // The body and its ancestors hold at least half of the paragraph text: never furniture.
    const held = total > 0 && s.paragraphs * 2 >= total;
    if (!held) {
      const rule = isHidden(el) ? { name: "hidden" } : (furnitureRule(el, s.text) ?? (isLinkList(el, s) ? { name: "links" } : null));
      if (rule) {
        counts[rule.name] = (counts[rule.name] ?? 0) + 1;
        el.remove();
        continue;
      }
    }
    // One read of `children`: linkedom builds the list on every access, so indexing it in a loop is quadratic.
    const children = Array.from(el.children);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return counts;
}
