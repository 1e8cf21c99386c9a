/**
 * The frame of every public page: the document head (title, description,
 * canonical link, feeds, Open Graph and Twitter cards, the stylesheet) and the
 * publisher's header and footer. Plain HTML strings: the pages have no script
 * (JSON-LD is a data block) and every string from the desk is escaped here.
 */
import { escapeHtml } from "@/lib/export/html";
import { isWebUrl } from "@/lib/export/report-model";
import { PUBLIC_CSS_PATH, publicFeedPaths, publicIndexPath } from "./public-urls";
import { PUBLIC_CSS_VERSION } from "./public-css";

export type Publisher = { name: string; url: string | null; logoUrl: string | null };

export type ShellInput = {
  baseUrl: string;
  teamSlug: string;
  language: string;
  publisher: Publisher;
  title: string;
  description: string;
  canonical: string;
  /** Open Graph type: "article" for a fact-check, "website" for the index. */
  ogType: "article" | "website";
  /** Extra head markup: article times, JSON-LD. */
  head?: string;
  body: string;
};

const attr = (s: string) => escapeHtml(s);

/** A whole public page. */
export function pageShell(p: ShellInput): string {
  const feeds = publicFeedPaths(p.teamSlug);
  const logo = isWebUrl(p.publisher.logoUrl) ? p.publisher.logoUrl : null;
  const meta: [string, string, string][] = [
    ["property", "og:type", p.ogType],
    ["property", "og:title", p.title],
    ["property", "og:description", p.description],
    ["property", "og:url", p.canonical],
    ["property", "og:site_name", p.publisher.name],
    ["property", "og:locale", p.language.replace("-", "_")],
    ["name", "twitter:card", "summary"],
    ["name", "twitter:title", p.title],
    ["name", "twitter:description", p.description],
  ];
  if (logo) meta.push(["property", "og:image", logo], ["name", "twitter:image", logo]);
  return `<!doctype html>
<html lang="${attr(p.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<meta name="description" content="${attr(p.description)}">
<meta name="generator" content="Claimdesk">
<link rel="canonical" href="${attr(p.canonical)}">
<link rel="stylesheet" href="${PUBLIC_CSS_PATH}?v=${PUBLIC_CSS_VERSION}">
<link rel="alternate" type="application/atom+xml" title="${attr(`${p.publisher.name}: fact-checks (Atom)`)}" href="${attr(feeds.atom)}">
<link rel="alternate" type="application/rss+xml" title="${attr(`${p.publisher.name}: fact-checks (RSS)`)}" href="${attr(feeds.rss)}">
<link rel="alternate" type="application/feed+json" title="${attr(`${p.publisher.name}: fact-checks (JSON Feed)`)}" href="${attr(feeds.json)}">
${meta.map(([k, name, v]) => `<meta ${k}="${name}" content="${attr(v)}">`).join("\n")}
${p.head ?? ""}</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="site-inner">
${logo ? `<img src="${attr(logo)}" alt="" width="32" height="32">` : ""}<a class="site-name" href="${attr(isWebUrl(p.publisher.url) ? p.publisher.url : publicIndexPath(p.teamSlug))}">${escapeHtml(p.publisher.name)}</a>
<nav class="site-nav" aria-label="Fact-checks"><a href="${attr(publicIndexPath(p.teamSlug))}">All fact-checks</a></nav>
</div></header>
<main id="main" tabindex="-1">
${p.body}
</main>
<footer class="site-footer">
<p>Fact-checks by ${escapeHtml(p.publisher.name)}${isWebUrl(p.publisher.url) ? ` · <a href="${attr(p.publisher.url)}">${escapeHtml(p.publisher.url)}</a>` : ""}. Published with Claimdesk.</p>
<ul><li><a href="${attr(feeds.atom)}">Atom feed</a></li><li><a href="${attr(feeds.rss)}">RSS feed</a></li><li><a href="${attr(feeds.json)}">JSON feed</a></li></ul>
</footer>
</body>
</html>
`;
}

/** A `<time>` element for an ISO date-time, shown as a calendar day (UTC). */
export function time(iso: string, format: (iso: string) => string): string {
  return `<time datetime="${attr(iso)}">${escapeHtml(format(iso))}</time>`;
}
