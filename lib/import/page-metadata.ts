/**
 * What a news page states about itself: title, author(s), published and
 * modified dates, outlet and canonical URL, each with where it was found.
 *
 * Order of trust, first found wins (the import form shows the source of each):
 * - title: JSON-LD headline (NewsArticle, Article, ReportageNewsArticle and the
 *   other Article types, also inside @graph) › og:title › twitter:title ›
 *   the page's <h1> › <title>. A trailing " | Outlet" is cut off.
 * - authors: JSON-LD author › <meta name="author"> (and byl, parsely-author,
 *   sailthru.author, dc.creator) › article:author when it is a name, not a
 *   profile URL › twitter:data1 labelled "Written by" › itemprop="author".
 *   An author that is the publisher itself is not a byline and is dropped.
 * - published: JSON-LD datePublished › article:published_time › other date
 *   meta tags (pubdate, date, dcterms.date…) › itemprop="datePublished" ›
 *   the first <time datetime> of the article.
 * - modified: JSON-LD dateModified › article:modified_time › og:updated_time ›
 *   dcterms.modified › itemprop="dateModified".
 * - outlet: JSON-LD publisher name › og:site_name › application-name › the
 *   part of <title> after the headline.
 * - canonical: <link rel="canonical"> › og:url › JSON-LD url or
 *   mainEntityOfPage (relative URLs resolved against the page's address).
 *
 * JSON-LD is the most deliberate statement a publisher makes (it feeds search
 * engines' article features), Open Graph is written for link previews and
 * often carries marketing variants, and visible markup comes last because it
 * has no fixed shape. Dates keep the calendar day as the page writes it
 * ("2023-01-30T01:00:00+09:00" is 30 January, the day in Seoul), never shifted to UTC.
 */

/** Where a field was found. */
export type MetaSource = "json-ld" | "open-graph" | "twitter" | "meta" | "microdata" | "time" | "link" | "h1" | "title-tag";

/** A value and where it came from (`detail` names the tag or property, for the form). */
export type Found<T> = { value: T; source: MetaSource; detail: string };

/** The metadata found on a page; null where the page states nothing usable. */
export type PageMetadata = {
  title: Found<string> | null;
  authors: Found<string[]> | null;
  /** YYYY-MM-DD. */
  published: Found<string> | null;
  /** YYYY-MM-DD. */
  modified: Found<string> | null;
  outlet: Found<string> | null;
  canonical: Found<string> | null;
};

type Json = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  "Article",
  "NewsArticle",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "BackgroundNewsArticle",
  "ReviewNewsArticle",
  "AskPublicNewsArticle",
  "SatiricalArticle",
  "TechArticle",
  "ScholarlyArticle",
  "Report",
  "BlogPosting",
  "LiveBlogPosting",
  "SocialMediaPosting",
]);

const clean = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const typesOf = (node: Json) => asArray(node["@type"]).filter((t): t is string => typeof t === "string");

/** Every object of every JSON-LD block, flattened (arrays, @graph), with @id references resolvable. */
function jsonLdNodes(doc: Document): { nodes: Json[]; byId: Map<string, Json> } {
  const nodes: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    if (!isObject(v)) return;
    nodes.push(v);
    if (v["@graph"]) visit(v["@graph"], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = (script.textContent ?? "").replace(/^\s*(?:\/\*\s*)?<!\[CDATA\[(?:\s*\*\/)?|(?:\/\*\s*)?\]\]>(?:\s*\*\/)?\s*$/g, "");
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // A page's broken JSON-LD is the page's problem: the other sources still count.
    }
  }
  const byId = new Map<string, Json>();
  for (const n of nodes) if (typeof n["@id"] === "string" && !byId.has(n["@id"])) byId.set(n["@id"], n);
  return { nodes, byId };
}

/** The node itself, or the node its @id points at when it is only a reference. */
function resolve(v: unknown, byId: Map<string, Json>): unknown {
  if (isObject(v) && typeof v["@id"] === "string" && Object.keys(v).length === 1) return byId.get(v["@id"]) ?? v;
  return v;
}

/** Names of persons or organizations (strings, objects with name, arrays, @id references). */
function names(v: unknown, byId: Map<string, Json>): string[] {
  return asArray(v).flatMap((x) => {
    const r = resolve(x, byId);
    if (typeof r === "string") return [r];
    if (isObject(r) && typeof r.name === "string") return [r.name];
    if (isObject(r) && Array.isArray(r.name)) return r.name.filter((n): n is string => typeof n === "string");
    return [];
  });
}

function urlOf(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (isObject(v) && typeof v["@id"] === "string") return v["@id"];
  if (isObject(v) && typeof v.url === "string") return v.url;
  return null;
}

/** The calendar date a date-time string states, as YYYY-MM-DD, or null. */
export function calendarDate(raw: string): string | null {
  const s = raw.trim();
  let m =
    /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s) ??
    /^(\d{4})[./](\d{1,2})[./](\d{1,2})\b/.exec(s) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(s);
  if (!m) {
    const parsed = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(s);
    if (parsed) m = [parsed[0], parsed[3]!, parsed[2]!, parsed[1]!] as unknown as RegExpExecArray;
  }
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date ? date : null;
}

/** An author as a byline names them: "By Jane Doe" and "김민준 기자" become the name alone. */
function authorName(raw: string): string | null {
  const name = clean(raw)
    .replace(/^(?:by|par|von|por|di|door|av|af)\s+/i, "")
    .replace(/\s*(?:기자|記者|特派員|특파원)$/u, "")
    .replace(/,\s*(?:staff writer|staff reporter|correspondent)$/i, "")
    .trim();
  if (!name || /^https?:\/\//i.test(name) || name.length > 120) return null;
  return name;
}

/** "Jane Doe, John Roe" and "Jane Doe and John Roe" as two names. */
function splitAuthors(raw: string): string[] {
  return raw
    .split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|&)\s*/i)
    .map((s) => authorName(s))
    .filter((s): s is string => s !== null);
}

function uniqueNames(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Cut a trailing " | Outlet" (or " - ", " – ", " — ", ": ", "_") off a title. */
function withoutSiteName(title: string, outlet: string | null): string {
  const t = clean(title);
  if (outlet) {
    const o = outlet.toLowerCase();
    const m = /^(.*\S)\s*(?:[|\-–—:_·•»]|：)\s*([^|\-–—:_·•»：]+)$/u.exec(t);
    if (
      m &&
      m[2]!
        .trim()
        .toLowerCase()
        .includes(o.slice(0, Math.max(3, Math.min(o.length, 12))))
    )
      return withoutSiteName(m[1]!, outlet);
  }
  return t;
}

const SEPARATORS = /\s*(?:\s[|\-–—·•»:]\s|[|_｜：:])\s*/u;

/**
 * The site name a <title> adds to the headline: the last part after it
 * ("Headline | Section | Outlet", "Headline_频道_Outlet"), or the part before
 * it ("Outlet: Headline"). Without a known headline, the part after the last
 * " | " or " - ".
 */
function titleSiteName(title: string, headline: string | null): string | null {
  const t = clean(title);
  const h = headline ? clean(headline) : "";
  let rest: string[] = [];
  if (h && t.toLowerCase().startsWith(h.toLowerCase()) && t.length > h.length) rest = t.slice(h.length).split(SEPARATORS);
  else if (h && t.toLowerCase().endsWith(h.toLowerCase()) && t.length > h.length)
    rest = t
      .slice(0, t.length - h.length)
      .split(SEPARATORS)
      .reverse();
  else {
    const m = /\s(?:\||-|–|—|·)\s([^|–—·]{2,60})$/u.exec(t);
    return m ? m[1]!.trim() : null;
  }
  const parts = rest.map((p) => p.trim()).filter(Boolean);
  const name = parts[parts.length - 1];
  return name && name.length >= 2 && name.length <= 80 ? name : null;
}

function absolute(url: string, base: string | undefined): string | null {
  try {
    const u = new URL(url, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Read a page's metadata (see the module comment for the order of trust).
 * `pageUrl` is the address the page was fetched from, when known: relative
 * canonical URLs resolve against it.
 */
export function readPageMetadata(doc: Document, pageUrl?: string): PageMetadata {
  const metaContent = (selector: string) => {
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      const v = clean(el.getAttribute("content") ?? "");
      if (v) return v;
    }
    return null;
  };
  const byName = (...ns: string[]) => {
    for (const n of ns) {
      const v = metaContent(`meta[name="${n}" i]`) ?? metaContent(`meta[property="${n}" i]`);
      if (v) return { v, n };
    }
    return null;
  };

  const { nodes, byId } = jsonLdNodes(doc);
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t)));
  const linkCanonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute("href") ?? null;
  const base = doc.querySelector("base[href]")?.getAttribute("href") ?? undefined;
  const baseUrl = pageUrl ? (base ? (absolute(base, pageUrl) ?? pageUrl) : pageUrl) : base;
  const canonicalGuess = linkCanonical ? absolute(linkCanonical, baseUrl) : null;
  // With several article nodes, the one about this page.
  const article =
    articles.find(
      (a) =>
        canonicalGuess !== null &&
        [a.url, a["@id"], urlOf(a.mainEntityOfPage)].some((u) => typeof u === "string" && u.split("#")[0] === canonicalGuess),
    ) ??
    articles.find((a) => typeof a.headline === "string") ??
    articles[0] ??
    null;
  const ldType = article ? (typesOf(article).find((t) => ARTICLE_TYPES.has(t)) ?? "Article") : "";
  const ld = (prop: string) => `JSON-LD ${ldType} ${prop}`;

  const headline =
    article && (typeof article.headline === "string" ? article.headline : typeof article.name === "string" ? article.name : null);
  const h1s = Array.from(doc.querySelectorAll("h1"))
    .map((h) => clean(h.textContent ?? ""))
    .filter(Boolean);
  const ogTitle = metaContent('meta[property="og:title" i]');
  // The outlet before the title: the title needs it to cut off the site name.
  let outlet: Found<string> | null = null;
  const publisher = article ? names(article.publisher, byId)[0] : undefined;
  if (publisher && clean(publisher)) outlet = { value: clean(publisher), source: "json-ld", detail: ld("publisher") };
  else {
    const og = metaContent('meta[property="og:site_name" i]');
    const app = byName("application-name");
    const fromTitle = titleSiteName(doc.title ?? "", headline ?? ogTitle ?? h1s[0] ?? null);
    if (og) outlet = { value: og, source: "open-graph", detail: "og:site_name" };
    else if (app) outlet = { value: app.v, source: "meta", detail: `meta ${app.n}` };
    else if (fromTitle) outlet = { value: fromTitle, source: "title-tag", detail: "<title>" };
  }

  let title: Found<string> | null = null;
  if (headline && clean(headline))
    title = { value: withoutSiteName(decodeEntities(doc, headline), outlet?.value ?? null), source: "json-ld", detail: ld("headline") };
  else {
    const tw = metaContent('meta[name="twitter:title" i]') ?? metaContent('meta[property="twitter:title" i]');
    if (ogTitle) title = { value: withoutSiteName(ogTitle, outlet?.value ?? null), source: "open-graph", detail: "og:title" };
    else if (tw) title = { value: withoutSiteName(tw, outlet?.value ?? null), source: "twitter", detail: "twitter:title" };
    else if (h1s.length > 0) title = { value: h1s[0]!, source: "h1", detail: "<h1>" };
    else if (clean(doc.title ?? ""))
      title = {
        value: withoutSiteName(doc.title, outlet?.value ?? titleSiteName(doc.title, null)),
        source: "title-tag",
        detail: "<title>",
      };
  }

  let authors: Found<string[]> | null = null;
  const publisherKey = outlet?.value.toLowerCase();
  const notPublisher = (list: string[]) => uniqueNames(list).filter((n) => n.toLowerCase() !== publisherKey);
  const ldAuthors = article
    ? notPublisher(
        names(article.author, byId)
          .map(authorName)
          .filter((n): n is string => n !== null),
      )
    : [];
  if (ldAuthors.length > 0) authors = { value: ldAuthors, source: "json-ld", detail: ld("author") };
  else {
    const metaAuthor = byName("author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator");
    const ogAuthor = metaContent('meta[property="article:author" i]') ?? metaContent('meta[name="article:author" i]');
    const label = metaContent('meta[name="twitter:label1" i]');
    const data = metaContent('meta[name="twitter:data1" i]');
    const micro = Array.from(doc.querySelectorAll('[itemprop~="author"]'))
      .map((el) => el.getAttribute("content") ?? el.querySelector('[itemprop~="name"]')?.textContent ?? el.textContent ?? "")
      .map(authorName)
      .filter((n): n is string => n !== null);
    const pick = (list: string[], source: MetaSource, detail: string) => {
      const v = notPublisher(list);
      if (!authors && v.length > 0) authors = { value: v, source, detail };
    };
    if (metaAuthor) pick(splitAuthors(metaAuthor.v), "meta", `meta ${metaAuthor.n}`);
    if (ogAuthor && !/^https?:\/\//i.test(ogAuthor)) pick(splitAuthors(ogAuthor), "open-graph", "article:author");
    if (label && /written by|author/i.test(label) && data) pick(splitAuthors(data), "twitter", "twitter:data1");
    pick(micro, "microdata", 'itemprop="author"');
  }

  const dateFrom = (raw: unknown) => (typeof raw === "string" ? calendarDate(raw) : null);
  const itemDate = (prop: string) => {
    const el = doc.querySelector(`[itemprop~="${prop}"]`);
    return el ? dateFrom(el.getAttribute("content") ?? el.getAttribute("datetime") ?? el.getAttribute("title") ?? "") : null;
  };
  const firstDate = (candidates: [unknown, MetaSource, string][]): Found<string> | null => {
    for (const [raw, source, detail] of candidates) {
      const value = dateFrom(raw);
      if (value) return { value, source, detail };
    }
    return null;
  };
  const metaDate = (...ns: string[]): [unknown, MetaSource, string][] => ns.map((n) => [byName(n)?.v, "meta", `meta ${n}`]);
  const articleTime = doc.querySelector("article time[datetime], main time[datetime], time[datetime]");
  const published =
    firstDate([
      [article?.datePublished, "json-ld", ld("datePublished")],
      [article?.dateCreated, "json-ld", ld("dateCreated")],
      [metaContent('meta[property="article:published_time" i]'), "open-graph", "article:published_time"],
      ...metaDate(
        "pubdate",
        "publishdate",
        "publish-date",
        "parsely-pub-date",
        "sailthru.date",
        "dcterms.date",
        "dcterms.created",
        "dc.date.issued",
        "dc.date",
        "date",
        "weibo: article:create_at",
      ),
    ]) ??
    (itemDate("datePublished") ? { value: itemDate("datePublished")!, source: "microdata", detail: 'itemprop="datePublished"' } : null) ??
    firstDate([[articleTime?.getAttribute("datetime"), "time", "<time datetime>"]]);
  const modified =
    firstDate([
      [article?.dateModified, "json-ld", ld("dateModified")],
      [metaContent('meta[property="article:modified_time" i]'), "open-graph", "article:modified_time"],
      [metaContent('meta[property="og:updated_time" i]'), "open-graph", "og:updated_time"],
      ...metaDate("dcterms.modified", "last-modified", "article.updated"),
    ]) ?? (itemDate("dateModified") ? { value: itemDate("dateModified")!, source: "microdata", detail: 'itemprop="dateModified"' } : null);

  let canonical: Found<string> | null = null;
  const ogUrl = metaContent('meta[property="og:url" i]');
  const ldUrl = article ? (urlOf(article.url) ?? urlOf(article.mainEntityOfPage)) : null;
  if (canonicalGuess) canonical = { value: canonicalGuess, source: "link", detail: 'link rel="canonical"' };
  else if (ogUrl && absolute(ogUrl, baseUrl)) canonical = { value: absolute(ogUrl, baseUrl)!, source: "open-graph", detail: "og:url" };
  else if (ldUrl && absolute(ldUrl, baseUrl)) canonical = { value: absolute(ldUrl, baseUrl)!, source: "json-ld", detail: ld("url") };

  return { title, authors, published, modified, outlet, canonical };
}

/** Entities in JSON-LD strings ("Tom &amp; Jerry"): publishers escape twice more often than not. */
function decodeEntities(doc: Document, s: string): string {
  if (!/&[#a-z0-9]+;/i.test(s)) return clean(s);
  const el = doc.createElement("textarea");
  el.innerHTML = s;
  return clean(el.textContent ?? s);
}
