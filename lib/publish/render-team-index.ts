/**
 * The team's public list of fact-checks, /f/{team}, newest change first:
 * each with its title, outlet, dates, counts by verdict, or the notice that it
 * was withdrawn. The same entries feed the Atom, RSS and JSON feeds (feeds.ts).
 */
import { escapeHtml } from "@/lib/export/html";
import { formatDate } from "@/lib/format-date";
import { pageShell, time, type Publisher } from "./page-shell";
import { publicIndexPath, publicPagePath } from "./public-urls";

/** One published fact-check in a list or feed. */
export type PublicEntry = {
  slug: string;
  title: string;
  outlet: string | null;
  status: "published" | "retracted";
  claimCount: number;
  /** "2 Disputed, 1 Verified", or the retraction reason for a withdrawn one. */
  summary: string;
  firstPublishedAt: string;
  changedAt: string;
};

export type TeamIndexInput = {
  baseUrl: string;
  teamSlug: string;
  teamName: string;
  language: string;
  publisher: Publisher;
  entries: PublicEntry[];
};

const day = (iso: string) => formatDate(iso.slice(0, 10));

export function renderTeamIndex(i: TeamIndexInput): string {
  const item = (e: PublicEntry) => `<li>
<h2><a href="${escapeHtml(publicPagePath(i.teamSlug, e.slug))}">${escapeHtml(e.title)}</a></h2>
<p class="muted">${e.outlet ? `${escapeHtml(e.outlet)} · ` : ""}Published ${time(e.firstPublishedAt, day)}${e.changedAt !== e.firstPublishedAt ? ` · ${e.status === "retracted" ? "withdrawn" : "updated"} ${time(e.changedAt, day)}` : ""}</p>
<p>${e.status === "retracted" ? `<span class="withdrawn">Withdrawn.</span> ${escapeHtml(e.summary)}` : `${e.claimCount} claim${e.claimCount === 1 ? "" : "s"}: ${escapeHtml(e.summary)}`}</p>
</li>`;
  const body = `<p class="kicker">Fact-checks</p>
<h1>${escapeHtml(i.publisher.name)}</h1>
${i.entries.length ? `<ol class="factchecks">\n${i.entries.map(item).join("\n")}\n</ol>` : `<p>No fact-checks published yet.</p>`}`;
  return pageShell({
    baseUrl: i.baseUrl,
    teamSlug: i.teamSlug,
    language: i.language,
    publisher: i.publisher,
    title: `Fact-checks · ${i.publisher.name}`,
    description: `Fact-checks published by ${i.publisher.name}.`,
    canonical: `${i.baseUrl}${publicIndexPath(i.teamSlug)}`,
    ogType: "website",
    body,
  });
}
