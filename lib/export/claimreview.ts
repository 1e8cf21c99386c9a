/**
 * schema.org ClaimReview JSON-LD: an array with one ClaimReview per final
 * claim, with every property Google's "Fact check (ClaimReview) structured
 * data" documentation requires (`claimReviewed`, `reviewRating.alternateName`,
 * `url`) or recommends (`author` with `name` and `url`, `datePublished`,
 * `itemReviewed` as a Claim with `author`, `datePublished`, `appearance` and
 * `firstAppearance`, and `reviewRating` with `name`, `ratingValue`,
 * `bestRating` and `worstRating`) where Claimdesk knows it. The check lives in
 * tests/support/google-claimreview.ts.
 *
 * Ratings: `alternateName` and `name` are the team's public wording of the
 * verdict. The number is the team's scale (lib/schemas/rating-scale.ts);
 * by default Unsourced has none, because it is not a truth value and a number
 * between "verified" and "disputed" would present it as "half true". Such a
 * ClaimReview keeps the textual rating only.
 *
 * `itemReviewed.author` is the claim's speaker when the desk recorded one
 * (a person or an organization: speakerType says which); the markup never
 * guesses a speaker the desk did not name.
 *
 * `url` is where the public reads the fact-check: the address the desk gave
 * for this export ("Published at"), else the article's public page
 * (/f/{team}/{article}) while it is published, each claim at its `#claim-n`.
 * Without either there is no ClaimReview to make: search engines and
 * aggregators follow `url` (Google requires it), and the desk's own report
 * (/api/…/report) opens only to signed-in members. So the array is then
 * empty, the report worker refuses the ClaimReview download with a 409
 * naming `publishUrl`, and the Export menu says why before anyone asks
 * (components/reports/export-menu.tsx).
 *
 * No node is emitted empty: a Claim's `appearance` is the article only when
 * something identifies it (an address, else a headline), `firstAppearance`
 * falls back to it likewise, and `itemReviewed` is left out when nothing of
 * the claim is known; a `{"@type":"NewsArticle"}` tells an aggregator nothing.
 *
 * Claims a correction changed after the check (drifted or orphaned, see
 * report-text.ts) are left out. Aggregators (Google's Fact Check Explorer and
 * search results, and the feeds built on them) show a ClaimReview as a
 * standing verdict on `claimReviewed` as it appears at `appearance`, and the
 * markup has no way to say "needs re-review": a drifted claim's words are
 * the corrected text, which nobody checked, and an orphan's words are no
 * longer in the article the markup points at. The desk's own reports still
 * list both, with the note.
 */
import type {
  ClaimLeaf,
  ClaimReview,
  CreativeWorkLeaf,
  NewsArticleLeaf,
  OrganizationLeaf,
  PersonLeaf,
  RatingLeaf,
  WithContext,
} from "schema-dts";
import { DEFAULT_RATING_SCALE } from "@/lib/schemas/rating-scale";
import type { ReportClaim, ReportModel } from "./report-model";
import { isWebUrl, publishedAt } from "./report-model";
import { VERDICT_LABELS, needsReReview } from "./report-text";
import { speakerType } from "./speaker-type";

/** Google asks for a claimReviewed under 75 characters. */
export const CLAIM_REVIEWED_MAX = 74;

/**
 * A short statement of the claim: its text on one line, cut at a word
 * boundary with an ellipsis when longer than {@link CLAIM_REVIEWED_MAX} code points.
 */
export function shortStatement(exact: string, max = CLAIM_REVIEWED_MAX): string {
  const flat = exact.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const head = chars.slice(0, max - 1).join("");
  const cut = head.lastIndexOf(" ");
  return `${(cut > max / 2 ? head.slice(0, cut) : head).replace(/[\s,;:.–—-]+$/u, "")}…`;
}

/** A calendar date (YYYY-MM-DD) of an ISO date-time. */
const day = (iso: string) => iso.slice(0, 10);
/** A full calendar date: schema.org's Date (partial dates such as "2023-01" are not one). */
const isDay = (d: string | null | undefined): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d);

/** The public wording of a verdict: the team's, else the default label. */
export const verdictLabel = (m: Pick<ReportModel, "team">, c: Pick<ReportClaim, "verdict">) =>
  m.team.verdictLabels?.[c.verdict] ?? VERDICT_LABELS[c.verdict];

/**
 * Builds the ClaimReview array of `m`.
 *
 * Typed with schema-dts (generated from the schema.org vocabulary), so
 * `tsc` rejects a property a node's type does not have, or a value of the
 * wrong kind. Object literals are checked for unknown properties only where
 * they meet their type directly: the map callback names its return type, and
 * optional properties are assigned one by one rather than spread in.
 */
export function buildClaimReview(m: ReportModel): WithContext<ClaimReview>[] {
  const page = claimReviewPage(m);
  if (!page) return [];
  const article = newsArticle(m);
  return m.claims
    .filter((c) => !needsReReview(c))
    .map((c): WithContext<ClaimReview> => {
      const node: WithContext<ClaimReview> = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: `${page}#claim-${c.number}`,
        claimReviewed: shortStatement(c.exact),
        reviewRating: rating(m, c),
        author: author(m),
        datePublished: reviewDate(m, c),
      };
      const item = claim(m, c, article);
      if (item) node.itemReviewed = item;
      const modified =
        m.publication && day(m.publication.changedAt) !== day(m.publication.publishedAt) ? day(m.publication.changedAt) : null;
      if (modified) node.dateModified = modified;
      return node;
    });
}

/**
 * The public page the ClaimReview `url`s point into (without a fragment), or
 * null when the fact-check has none yet: not published, and no address given.
 */
export function claimReviewPage(m: Pick<ReportModel, "publishedUrl" | "publication">): string | null {
  const at = publishedAt(m);
  return at ? at.replace(/#.*$/, "") : null;
}

/** The verdict in words (alternateName, name) and, where the team's scale gives it one, as a number. */
function rating(m: ReportModel, c: ReportClaim): RatingLeaf {
  const label = verdictLabel(m, c);
  const node: RatingLeaf = { "@type": "Rating", alternateName: label, name: label };
  const scale = m.team.ratingScale ?? DEFAULT_RATING_SCALE;
  const value = scale.values[c.verdict];
  if (value !== null) {
    node.ratingValue = value;
    node.bestRating = scale.best;
    node.worstRating = scale.worst;
  }
  return node;
}

/**
 * The organisation behind the fact-checks: the team's publisher (team
 * settings), else the team by name; its `url` is the publisher's site, else
 * the team's public page of fact-checks (when it has a slug).
 */
function author(m: ReportModel): OrganizationLeaf {
  const p = m.team.publisher;
  const node: OrganizationLeaf = { "@type": "Organization", name: p?.name ?? m.team.name };
  if (isWebUrl(p?.url)) node.url = p.url;
  else if (m.team.slug) node.url = `${m.baseUrl}/f/${encodeURIComponent(m.team.slug)}`;
  if (isWebUrl(p?.logoUrl)) node.logo = { "@type": "ImageObject", url: p.logoUrl };
  return node;
}

/** When the fact check was published: the public page's first publication, else the adjudicator's decision or the claim's last change. */
const reviewDate = (m: ReportModel, c: ReportClaim) => day(m.publication?.publishedAt ?? c.decision?.at ?? c.updatedAt);

/**
 * The reviewed claim: who made it (the speaker, where recorded), when it was
 * made (its first appearance's date, else the article's), where it appeared
 * (the article) and where it appeared first (the recorded address, else the
 * article); null when none of that is known.
 */
function claim(m: ReportModel, c: ReportClaim, article: NewsArticleLeaf | null): ClaimLeaf | null {
  const node: ClaimLeaf = { "@type": "Claim" };
  if (article) node.appearance = article;
  const first = firstAppearance(c) ?? article;
  if (first) node.firstAppearance = first;
  const speaker = c.speaker?.trim();
  if (speaker)
    node.author =
      speakerType(speaker) === "Organization"
        ? ({ "@type": "Organization", name: speaker } satisfies OrganizationLeaf)
        : ({ "@type": "Person", name: speaker } satisfies PersonLeaf);
  const date = isDay(c.firstAppearance?.date) ? c.firstAppearance.date : m.article.publishedDate;
  if (isDay(date)) node.datePublished = date;
  return Object.keys(node).length > 1 ? node : null;
}

/** Where the claim was first made, when the desk recorded an address for it. */
function firstAppearance(c: ReportClaim): CreativeWorkLeaf | null {
  const url = c.firstAppearance?.url;
  if (!isWebUrl(url)) return null;
  const node: CreativeWorkLeaf = { "@type": "CreativeWork", url };
  if (isDay(c.firstAppearance?.date)) node.datePublished = c.firstAppearance.date;
  return node;
}

/** The article the claims appeared in, with whatever of its metadata is known; null when nothing identifies it. */
function newsArticle(m: ReportModel): NewsArticleLeaf | null {
  const { url, title, publishedDate, outlet } = m.article;
  const node: NewsArticleLeaf = { "@type": "NewsArticle" };
  // An article known by no address of its own appears at the public copy of the checked text, when it is published.
  const at = isWebUrl(url) ? url : m.publication?.texts[m.version.number];
  if (at) node.url = at;
  if (title) node.headline = title;
  if (isDay(publishedDate)) node.datePublished = publishedDate;
  if (outlet) node.publisher = { "@type": "Organization", name: outlet };
  return node.url || node.headline ? node : null;
}

/** The JSON text served for `format=claimreview`. */
export const buildClaimReviewJson = (m: ReportModel) => `${JSON.stringify(buildClaimReview(m), null, 2)}\n`;
