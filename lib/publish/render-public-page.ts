/**
 * The public page of one fact-check, /f/{team}/{article}: the
 * article's metadata, the dates published and updated, a summary, each claim
 * with its `#claim-n` anchor, public verdict label, speaker, rationale and
 * public sources, the article text as checked with its claims highlighted,
 * and the public log of changes. One ClaimReview per claim goes in the head
 * as JSON-LD, with Open Graph and Twitter cards.
 *
 * Retracted: the notice and its reason take the place of the claims; no
 * ClaimReview markup, no verdicts, no highlights. The log stays.
 *
 * Server-rendered HTML with no script (the JSON-LD is a data block), so it
 * works under a Content-Security-Policy that allows no script at all, prints
 * as it reads, and costs a few milliseconds for a hundred claims (bench/public-page.bench.ts).
 */
import { articleTitleOrLead } from "@/lib/articles/article-name";
import { buildClaimReview } from "@/lib/export/claimreview";
import { claimSegments, type Segment } from "@/lib/export/claim-segments";
import { lineBlocksHtml } from "@/lib/export/line-blocks";
import { escapeHtml } from "@/lib/export/html";
import { jsonLdScript } from "@/lib/export/json-ld-script";
import { isWebUrl, type ReportPublication } from "@/lib/export/report-model";
import { STANCE_LABELS, UNSOURCED_NOTE, formatCalendarDate } from "@/lib/export/report-text";
import { formatDate, formatDateTime } from "@/lib/format-date";
import { VERDICTS } from "@/lib/schemas/claim";
import type { PublicLogEntry } from "@/lib/schemas/publication";
import { pageShell, time } from "./page-shell";
import {
  publicLineKinds,
  publicReportModel,
  verdictCounts,
  type PublicClaim,
  type PublicEvidence,
  type PublicFactCheck,
} from "./public-fact-check";
import { publicPagePath } from "./public-urls";

export type PublicPageInput = {
  baseUrl: string;
  status: "published" | "retracted";
  firstPublishedAt: string;
  changedAt: string;
  retraction: { at: string; reason: string } | null;
  /** The latest published snapshot and its version's text. */
  factCheck: PublicFactCheck;
  text: string;
  slug: string;
  log: PublicLogEntry[];
  /** Public URL of each published version's text, by version number. */
  texts: Record<number, string>;
};

const ICONS = { verified: "✓", disputed: "✗", unsourced: "?" } as const;
const day = (iso: string) => formatDate(iso.slice(0, 10));
const attr = escapeHtml;

/** A link for a web URL, escaped text otherwise. */
const link = (url: string | null | undefined, label: string) =>
  isWebUrl(url) ? `<a href="${attr(url)}" rel="noopener noreferrer nofollow">${escapeHtml(label)}</a>` : escapeHtml(label);

/** The page's public URL. */
export const pageUrl = (i: Pick<PublicPageInput, "baseUrl" | "factCheck" | "slug">) =>
  `${i.baseUrl}${publicPagePath(i.factCheck.team.slug, i.slug)}`;

/** Builds the public page. */
export function renderPublicPage(i: PublicPageInput): string {
  const fc = i.factCheck;
  const url = pageUrl(i);
  // An untitled article goes by its first words, as in the desk's lists (its ClaimReview markup claims no headline).
  const title = articleTitleOrLead(fc.article.title, i.text);
  const retracted = i.status === "retracted";
  const updated = !retracted && i.log.some((e) => e.action === "update" || (e.action === "publish" && e.number > 1));
  const publication: ReportPublication = { url, publishedAt: i.firstPublishedAt, changedAt: i.changedAt, texts: i.texts };
  const head = [
    `<meta property="article:published_time" content="${attr(i.firstPublishedAt)}">`,
    `<meta property="article:modified_time" content="${attr(i.changedAt)}">`,
    // A withdrawn fact-check carries no ClaimReview: the markup would present its verdicts as standing.
    retracted ? "" : jsonLdScript(buildClaimReview(publicReportModel(fc, i.text, publication, i.baseUrl))),
  ]
    .filter(Boolean)
    .join("\n");
  const body = `<article class="factcheck" aria-labelledby="title">
<p class="kicker">${retracted ? "Withdrawn fact-check" : "Fact-check"}</p>
<h1 id="title">${escapeHtml(title)}</h1>
${articleMeta(fc)}
<p class="dates">Published ${time(i.firstPublishedAt, day)}${updated ? ` · <span class="updated">Updated ${time(i.changedAt, day)}</span>` : ""}${retracted && i.retraction ? ` · Withdrawn ${time(i.retraction.at, day)}` : ""} · by ${escapeHtml(fc.team.publisher.name)}</p>
${
  retracted
    ? retractionNotice(i)
    : `${summary(fc)}
<section id="claims" aria-labelledby="claims-h">
<h2 id="claims-h">Claims checked</h2>
<ol class="claims">
${fc.claims.map(claimItem).join("\n")}
</ol>
</section>
<section id="text" aria-labelledby="text-h">
<h2 id="text-h">The article as checked</h2>
<p class="note">Version ${fc.version.number} of the text, captured ${escapeHtml(formatDateTime(fc.version.createdAt))}. ${link(i.texts[fc.version.number], "The exact text checked")}${fc.article.url ? ` · ${link(fc.article.url, "the article as published by its outlet")}` : ""}.</p>
<div class="article-text">${annotatedText(fc, i.text)}</div>
</section>`
}
${changeLog(i)}
</article>`;
  const description = retracted
    ? `${fc.team.publisher.name} withdrew its fact-check of “${title}”.`
    : `${fc.team.publisher.name} checked ${fc.claims.length} claim${fc.claims.length === 1 ? "" : "s"} in “${title}”: ${countsText(fc)}.`;
  return pageShell({
    baseUrl: i.baseUrl,
    teamSlug: fc.team.slug,
    language: fc.team.language,
    publisher: fc.team.publisher,
    title: `${retracted ? "Withdrawn: " : "Fact-check: "}${title} · ${fc.team.publisher.name}`,
    description,
    canonical: url,
    ogType: "article",
    head,
    body,
  });
}

function articleMeta(fc: PublicFactCheck): string {
  const a = fc.article;
  const parts = [a.outlet, a.author ? `by ${a.author}` : null, a.publishedDate ? formatCalendarDate(a.publishedDate) : null].filter(
    (p): p is string => !!p,
  );
  const line = parts.map(escapeHtml).join(" · ");
  return `<p class="meta">${line}${a.url ? `${line ? " · " : ""}${link(a.url, "Original article")}` : ""}</p>`;
}

/** "2 Disputed, 1 Verified" in the team's wording, most frequent first. */
export function countsText(fc: PublicFactCheck): string {
  const counts = verdictCounts(fc);
  const label = (v: (typeof VERDICTS)[number]) => fc.claims.find((c) => c.verdict === v)?.label ?? v;
  return (
    VERDICTS.filter((v) => counts[v] > 0)
      .sort((a, b) => counts[b] - counts[a])
      .map((v) => `${counts[v]} ${label(v)}`)
      .join(", ") || "no claims"
  );
}

function summary(fc: PublicFactCheck): string {
  const counts = verdictCounts(fc);
  const items = VERDICTS.filter((v) => counts[v] > 0).map((v) => {
    const label = fc.claims.find((c) => c.verdict === v)!.label;
    return `<li><span class="verdict v-${v}"><span aria-hidden="true">${ICONS[v]}</span> ${escapeHtml(label)}</span> ${counts[v]}</li>`;
  });
  const withheld = fc.withheld
    ? `<p class="note">${fc.withheld} more claim${fc.withheld === 1 ? " is" : "s are"} being checked again after a correction of the article, and ${fc.withheld === 1 ? "is" : "are"} not shown.</p>`
    : "";
  return `<section class="summary" aria-label="Summary">
<p>${fc.claims.length} claim${fc.claims.length === 1 ? "" : "s"} checked.</p>
<ul class="counts">${items.join("")}</ul>
${counts.unsourced > 0 ? `<p class="note">${escapeHtml(UNSOURCED_NOTE)}</p>` : ""}${withheld}
</section>`;
}

function claimItem(c: PublicClaim): string {
  const speaker =
    c.speaker || c.firstAppearance
      ? `<p class="speaker">${c.speaker ? `Claim by ${escapeHtml(c.speaker)}` : "Claim"}${firstAppearance(c)}</p>`
      : "";
  return `<li class="claim v-${c.verdict}" id="claim-${c.number}">
<p class="claim-head"><a class="claim-num" href="#claim-${c.number}" aria-label="Claim ${c.number}">#${c.number}</a> <span class="verdict v-${c.verdict}"><span aria-hidden="true">${ICONS[c.verdict]}</span> ${escapeHtml(c.label)}</span></p>
<blockquote>${escapeHtml(c.exact)}</blockquote>
${speaker}${c.rationaleHtml ? `<div class="rationale">${c.rationaleHtml}</div>` : ""}
${c.evidence.length ? sources(c.evidence) : ""}
</li>`;
}

function firstAppearance(c: PublicClaim): string {
  const f = c.firstAppearance;
  if (!f || (!f.url && !f.date)) return "";
  const where = f.url ? ` ${link(f.url, "first made here")}` : " first made";
  return ` ·${where}${f.date ? ` on ${escapeHtml(formatCalendarDate(f.date))}` : ""}`;
}

function sources(evidence: PublicEvidence[]): string {
  const item = (e: PublicEvidence) => {
    const details = [
      e.publisher,
      e.author,
      e.publishedDate ? formatCalendarDate(e.publishedDate) : null,
      e.dateStart ? `dated ${formatCalendarDate(e.dateStart)}${e.dateEnd ? `–${formatCalendarDate(e.dateEnd)}` : ""}` : null,
    ]
      .filter((d): d is string => !!d)
      .map(escapeHtml)
      .join(" · ");
    return `<li><span class="stance">${STANCE_LABELS[e.stance]}</span> ${link(e.url, e.title)}${details ? ` <span class="muted">· ${details}</span>` : ""}${e.pinpoint ? `<br><q>${escapeHtml(e.pinpoint)}</q>` : ""}</li>`;
  };
  return `<div class="sources"><h3>Sources</h3><ul>${evidence.map(item).join("")}</ul></div>`;
}

/** The text, one block per line as its kind draws it (subheads, quotes, lists), each claim marked, with a numbered link to its card after it. */
function annotatedText(fc: PublicFactCheck, text: string): string {
  const verdicts = new Map(fc.claims.map((c) => [c.number, c]));
  const lines = claimSegments(text, fc.claims).map((para) => para.map((s) => segment(s, verdicts)).join(""));
  return lineBlocksHtml(lines, publicLineKinds(fc, text));
}

function segment(s: Segment, claims: Map<number, PublicClaim>): string {
  let html = escapeHtml(s.text);
  for (const n of [...s.claims].reverse()) html = `<mark class="hl v-${claims.get(n)!.verdict}">${html}</mark>`;
  return (
    html + s.ends.map((n) => `<a class="ref" href="#claim-${n}" aria-label="Claim ${n}: ${attr(claims.get(n)!.label)}">${n}</a>`).join("")
  );
}

function retractionNotice(i: PublicPageInput): string {
  const r = i.retraction;
  return `<section class="notice" role="note" aria-labelledby="notice-h">
<h2 id="notice-h">This fact-check was withdrawn</h2>
${
  r
    ? `<p>${escapeHtml(i.factCheck.team.publisher.name)} withdrew it on ${time(r.at, day)}.</p>
<p><strong>Reason:</strong> ${escapeHtml(r.reason)}</p>`
    : ""
}
<p>Its verdicts no longer stand and are not shown.</p>
</section>`;
}

const ACTIONS = { publish: "Published", update: "Updated", retract: "Withdrawn" } as const;

function changeLog(i: PublicPageInput): string {
  const entries = [...i.log].sort((a, b) => b.number - a.number);
  const line = (e: PublicLogEntry) => {
    const url = e.versionNumber ? i.texts[e.versionNumber] : undefined;
    const text = url ? ` (${link(url, `text version ${e.versionNumber}`)})` : e.versionNumber ? ` (text version ${e.versionNumber})` : "";
    return `<li>${time(e.createdAt, formatDateTime)}: <strong>${e.action === "publish" && e.number > 1 ? "Published again" : ACTIONS[e.action]}</strong>${text}${e.note ? ` · ${escapeHtml(e.note)}` : ""}</li>`;
  };
  return `<section id="changes" aria-labelledby="changes-h">
<h2 id="changes-h">Changes</h2>
<ol class="log" reversed>${entries.map(line).join("")}</ol>
</section>`;
}
