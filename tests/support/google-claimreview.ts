/**
 * Checks ClaimReview markup against the properties Google's "Fact check
 * (ClaimReview) structured data" documentation
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck)
 * marks as required and recommended, as Full Fact's markup investigation
 * tabulates them (fullfact.github.io/markup-investigation, "Basic usage"):
 *
 * | Type        | Required                  | Recommended                                                |
 * | ClaimReview | claimReviewed, reviewRating, url | author, datePublished, itemReviewed                 |
 * | Claim       |                           | appearance or firstAppearance, author, datePublished      |
 * | Rating      | alternateName             | bestRating, name, ratingValue, worstRating                 |
 *
 * plus the constraints the documentation states with them: `claimReviewed`
 * under 75 characters; `url` on the same domain as (or a subdomain of) the
 * page that carries the markup; the ClaimReview `author` an Organization or
 * Person with `name` and `url`; `itemReviewed.author` an Organization or
 * Person with a `name`; a numeric rating between `worstRating` and
 * `bestRating`, with `bestRating` above `worstRating`; dates as ISO 8601.
 */

type Node = Record<string, unknown>;

export type GoogleCheck = {
  /** Required properties that are missing or invalid: the rich result cannot show. */
  required: string[];
  /** Recommended properties that are missing or invalid. */
  recommended: string[];
};

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isIsoDate = (v: unknown) =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(v) && !Number.isNaN(Date.parse(v));
const isUrl = (v: unknown): v is string => typeof v === "string" && /^https?:\/\//.test(v) && URL.canParse(v);
const isAgent = (v: unknown): v is Node => isNode(v) && (v["@type"] === "Organization" || v["@type"] === "Person");

/** True when `host` is `pageHost` or one of its subdomains. */
const sameSite = (host: string, pageHost: string) => host === pageHost || host.endsWith(`.${pageHost}`);

/**
 * What one ClaimReview node lacks of Google's required and recommended
 * properties. `pageUrl`, when given, is the page that carries the markup: the
 * review's `url` must be on its domain.
 */
export function checkGoogleClaimReview(review: unknown, pageUrl?: string): GoogleCheck {
  const required: string[] = [];
  const recommended: string[] = [];
  if (!isNode(review) || review["@type"] !== "ClaimReview") return { required: ["@type ClaimReview"], recommended: [] };

  // Required.
  const claimReviewed = review.claimReviewed;
  if (!isText(claimReviewed)) required.push("claimReviewed");
  else if ([...claimReviewed].length >= 75) required.push("claimReviewed (75 characters or more)");
  if (!isUrl(review.url)) required.push("url");
  else if (pageUrl && !sameSite(new URL(review.url).hostname, new URL(pageUrl).hostname)) required.push("url (not on the page's domain)");
  const rating = review.reviewRating;
  if (!isNode(rating) || rating["@type"] !== "Rating") required.push("reviewRating");
  else if (!isText(rating.alternateName)) required.push("reviewRating.alternateName");

  // Recommended: the fact-check's author, its date and the claim.
  const author = review.author;
  if (!isAgent(author)) recommended.push("author");
  else {
    if (!isText(author.name)) recommended.push("author.name");
    if (!isUrl(author.url)) recommended.push("author.url");
  }
  if (!isIsoDate(review.datePublished)) recommended.push("datePublished");
  const item = review.itemReviewed;
  if (!isNode(item) || item["@type"] !== "Claim") recommended.push("itemReviewed");
  else {
    const appears = (v: unknown) => isUrl(v) || (isNode(v) && isUrl(v.url));
    if (!appears(item.appearance) && !appears(item.firstAppearance))
      recommended.push("itemReviewed.appearance or itemReviewed.firstAppearance");
    if (!isAgent(item.author) || !isText(item.author.name)) recommended.push("itemReviewed.author");
    if (!isIsoDate(item.datePublished)) recommended.push("itemReviewed.datePublished");
  }

  // Recommended: the rating's name and numeric scale.
  if (isNode(rating)) {
    if (!isText(rating.name)) recommended.push("reviewRating.name");
    const { ratingValue: value, bestRating: best, worstRating: worst } = rating;
    if (!isNumber(value)) recommended.push("reviewRating.ratingValue");
    if (!isNumber(best)) recommended.push("reviewRating.bestRating");
    if (!isNumber(worst)) recommended.push("reviewRating.worstRating");
    if (isNumber(value) && isNumber(best) && isNumber(worst) && (best <= worst || value < worst || value > best)) {
      recommended.push("reviewRating.ratingValue (outside worstRating–bestRating)");
    }
  }
  return { required, recommended };
}
