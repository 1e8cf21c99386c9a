/**
 * schema.org ClaimReview JSON-LD: an array with one ClaimReview per final
 * claim, in the shape Google's fact-check markup asks for.
 *
 * Ratings are textual only (`reviewRating.alternateName`). No numeric
 * `ratingValue` is given on purpose: our verdicts are not points on one
 * truth scale. "Unsourced" says the text gives no attribution or evidence;
 * it is not a truth value, and a number between "verified" and "disputed"
 * would present it as "half true".
 *
 * `itemReviewed.author` (the speaker) is left out: Claimdesk does not record
 * who made a statement, and the markup must not guess.
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
import type { ClaimLeaf, ClaimReview, NewsArticleLeaf, OrganizationLeaf, WithContext } from "schema-dts";
import type { ReportClaim, ReportModel } from "./report-model";
import { claimUrl, isWebUrl } from "./report-model";
import { VERDICT_LABELS, needsReReview } from "./report-text";

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
  const appearance = newsArticle(m);
  return m.claims.filter((c) => !needsReReview(c)).map((c): WithContext<ClaimReview> => ({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimUrl(m, c.number),
    claimReviewed: shortStatement(c.exact),
    reviewRating: { "@type": "Rating", alternateName: m.team.verdictLabels?.[c.verdict] ?? VERDICT_LABELS[c.verdict] },
    author: author(m),
    datePublished: reviewDate(c),
    itemReviewed: claim(m, appearance),
  }));
}

/** The organisation behind the fact-checks: the team's publisher (team settings), else the team by name. */
function author(m: ReportModel): OrganizationLeaf {
  const p = m.team.publisher;
  const node: OrganizationLeaf = { "@type": "Organization", name: p?.name ?? m.team.name };
  if (isWebUrl(p?.url)) node.url = p.url;
  if (isWebUrl(p?.logoUrl)) node.logo = { "@type": "ImageObject", url: p.logoUrl };
  return node;
}

/** When the fact check was made: the adjudicator's decision, or the claim's last change. */
const reviewDate = (c: ReportClaim) => day(c.decision?.at ?? c.updatedAt);

/** The reviewed claim: where it appeared, and when the article was published if known. */
function claim(m: ReportModel, appearance: NewsArticleLeaf): ClaimLeaf {
  const node: ClaimLeaf = { "@type": "Claim", appearance, firstAppearance: appearance };
  if (m.article.publishedDate) node.datePublished = m.article.publishedDate;
  return node;
}

/** The article the claims appeared in, with whatever of its metadata is known. */
function newsArticle(m: ReportModel): NewsArticleLeaf {
  const { url, title, publishedDate, outlet } = m.article;
  const node: NewsArticleLeaf = { "@type": "NewsArticle" };
  if (isWebUrl(url)) node.url = url;
  if (title) node.headline = title;
  if (publishedDate) node.datePublished = publishedDate;
  if (outlet) node.publisher = { "@type": "Organization", name: outlet };
  return node;
}

/** The JSON text served for `format=claimreview`. */
export const buildClaimReviewJson = (m: ReportModel) => `${JSON.stringify(buildClaimReview(m), null, 2)}\n`;
