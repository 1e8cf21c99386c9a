/**
 * Feeds of a team's published fact-checks: Atom 1.0 (RFC 4287), RSS 2.0 and
 * JSON Feed 1.1, from the entries the public list shows (render-team-index.ts),
 * newest change first. A republished fact-check is the same entry with a newer
 * `updated`; a withdrawn one stays, its title saying so, so readers who saw it
 * learn it no longer stands.
 */
import type { PublicEntry } from "./render-team-index";
import { publicFeedPaths, publicIndexPath, publicPagePath } from "./public-urls";
import type { Publisher } from "./page-shell";

export type FeedInput = { baseUrl: string; teamSlug: string; language: string; publisher: Publisher; entries: PublicEntry[] };

const xml = (s: string) =>
  s
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!)
    // Characters XML 1.0 does not allow (C0 controls other than tab and line ends, lone surrogates, U+FFFE/F).
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      "\uFFFD",
    );

const entryTitle = (e: PublicEntry) => (e.status === "retracted" ? `Withdrawn: ${e.title}` : e.title);
const entryText = (e: PublicEntry) =>
  e.status === "retracted"
    ? `This fact-check was withdrawn. ${e.summary}`
    : `${e.claimCount} claim${e.claimCount === 1 ? "" : "s"} checked: ${e.summary}.`;
const url = (f: FeedInput, e: PublicEntry) => `${f.baseUrl}${publicPagePath(f.teamSlug, e.slug)}`;
const updated = (f: FeedInput) => f.entries.reduce((max, e) => (e.changedAt > max ? e.changedAt : max), "1970-01-01T00:00:00.000Z");

/** Atom 1.0. */
export function buildAtom(f: FeedInput): string {
  const self = `${f.baseUrl}${publicFeedPaths(f.teamSlug).atom}`;
  const entry = (e: PublicEntry) => `  <entry>
    <id>${xml(url(f, e))}</id>
    <title>${xml(entryTitle(e))}</title>
    <link rel="alternate" type="text/html" href="${xml(url(f, e))}"/>
    <published>${xml(e.firstPublishedAt)}</published>
    <updated>${xml(e.changedAt)}</updated>
    <summary>${xml(entryText(e))}</summary>
  </entry>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(f.language)}">
  <id>${xml(self)}</id>
  <title>${xml(`${f.publisher.name}: fact-checks`)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${f.baseUrl}${publicIndexPath(f.teamSlug)}`)}"/>
  <updated>${xml(updated(f))}</updated>
  <author><name>${xml(f.publisher.name)}</name></author>
  <generator>Claimdesk</generator>
${f.entries.map(entry).join("\n")}
</feed>
`;
}

/** RSS 2.0 (dates in RFC 822 form, as RSS asks). */
export function buildRss(f: FeedInput): string {
  const rfc822 = (iso: string) => new Date(iso).toUTCString();
  const item = (e: PublicEntry) => `    <item>
      <title>${xml(entryTitle(e))}</title>
      <link>${xml(url(f, e))}</link>
      <guid isPermaLink="true">${xml(url(f, e))}</guid>
      <pubDate>${xml(rfc822(e.changedAt))}</pubDate>
      <description>${xml(entryText(e))}</description>
    </item>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xml(`${f.publisher.name}: fact-checks`)}</title>
    <link>${xml(`${f.baseUrl}${publicIndexPath(f.teamSlug)}`)}</link>
    <atom:link rel="self" type="application/rss+xml" href="${xml(`${f.baseUrl}${publicFeedPaths(f.teamSlug).rss}`)}"/>
    <description>${xml(`Fact-checks published by ${f.publisher.name}.`)}</description>
    <language>${xml(f.language)}</language>
    <lastBuildDate>${xml(rfc822(updated(f)))}</lastBuildDate>
    <generator>Claimdesk</generator>
${f.entries.map(item).join("\n")}
  </channel>
</rss>
`;
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function buildJsonFeed(f: FeedInput): string {
  return `${JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: `${f.publisher.name}: fact-checks`,
      home_page_url: `${f.baseUrl}${publicIndexPath(f.teamSlug)}`,
      feed_url: `${f.baseUrl}${publicFeedPaths(f.teamSlug).json}`,
      language: f.language,
      authors: [{ name: f.publisher.name, ...(f.publisher.url ? { url: f.publisher.url } : {}) }],
      items: f.entries.map((e) => ({
        id: url(f, e),
        url: url(f, e),
        title: entryTitle(e),
        content_text: entryText(e),
        date_published: e.firstPublishedAt,
        date_modified: e.changedAt,
      })),
    },
    null,
    2,
  )}\n`;
}
