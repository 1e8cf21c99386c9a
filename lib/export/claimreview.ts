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
 */
import type { ReportClaim, ReportModel } from "./report-model";
import { claimUrl, isWebUrl } from "./report-model";
import { VERDICT_LABELS } from "./report-text";

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

/** Builds the ClaimReview array of `m`. */
export function buildClaimReview(m: ReportModel): Record<string, unknown>[] {
  const appearance = newsArticle(m);
  return m.claims.map((c) => ({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimUrl(m, c.number),
    claimReviewed: shortStatement(c.exact),
    reviewRating: { "@type": "Rating", alternateName: VERDICT_LABELS[c.verdict] },
    author: { "@type": "Organization", name: m.team.name },
    datePublished: reviewDate(c),
    itemReviewed: {
      "@type": "Claim",
      appearance,
      firstAppearance: appearance,
      ...(m.article.publishedDate ? { datePublished: m.article.publishedDate } : {}),
    },
  }));
}

/** When the fact check was made: the adjudicator's decision, or the claim's last change. */
const reviewDate = (c: ReportClaim) => day(c.decision?.at ?? c.updatedAt);

function newsArticle(m: ReportModel): Record<string, unknown> {
  return {
    "@type": "NewsArticle",
    ...(isWebUrl(m.article.url) ? { url: m.article.url } : {}),
    ...(m.article.title ? { headline: m.article.title } : {}),
    ...(m.article.publishedDate ? { datePublished: m.article.publishedDate } : {}),
    ...(m.article.outlet ? { publisher: { "@type": "Organization", name: m.article.outlet } } : {}),
  };
}

/** The JSON text served for `format=claimreview`. */
export const buildClaimReviewJson = (m: ReportModel) => `${JSON.stringify(buildClaimReview(m), null, 2)}\n`;
