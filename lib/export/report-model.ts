/**
 * The report of one article (or of one review round): everything the
 * builders in this folder print, already loaded and resolved. Builders are
 * pure functions of this model, so they are tested and benchmarked without a
 * database (tests/fixtures/report-model.ts makes models).
 *
 * Offsets are Unicode code points of `version.text`, as everywhere else.
 */
import { articleTitleOrLead } from "@/lib/articles/article-name";
import type { AnchorFields, AnchorState, Verdict } from "@/lib/schemas/claim";
import type { ClusterKind } from "@/lib/schemas/review";
import type { RatingScale } from "@/lib/schemas/rating-scale";
import type { LineKind } from "@/lib/schemas/article";
import type { EvidenceCitation } from "@/lib/schemas/evidence";

/** The formats `/api/articles/{id}/report?format=` serves. */
export const REPORT_FORMATS = ["html", "pdf", "md", "csv", "claimreview", "w3c"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** Each format's name in messages ("the Markdown report"). */
export const FORMAT_NAMES: Record<ReportFormat, string> = {
  html: "HTML",
  pdf: "PDF",
  md: "Markdown",
  csv: "CSV",
  claimreview: "ClaimReview",
  w3c: "W3C",
};

/** A member as reports name them (no e-mail addresses: reports get published). */
export type ReportPerson = { id: string; name: string };

/** Cluster kinds of the review rounds, as stored. */
export type ReportClusterKind = ClusterKind;

/** One evidence link of a claim, with its item. A deleted item still shows, flagged. */
export type ReportEvidence = Omit<EvidenceCitation, "quote" | "datePrecision"> & {
  /** Only http(s) URLs are ever turned into links by the builders. */
  url: string | null;
  stance: "supports" | "contradicts" | "context";
  pinpoint: string | null;
  /** The item was deleted from the library after it was cited (a tombstone). */
  deleted: boolean;
  /** Internal to the desk: left out of published fact-checks; the desk's own reports list it, marked. Absent: public. */
  internal?: boolean;
};

/** One reviewer's reading of the claim's span in a round (a cluster member). */
export type ReportReview = { reviewer: ReportPerson; verdict: Verdict; start: number; end: number; exact: string; rationaleText: string };

/** The adjudicator's decision that made the claim. */
export type ReportDecision = { by: ReportPerson; at: string; boundary: string | null; rationaleHtml: string; rationaleText: string };

/**
 * One final claim. `number` is its 1-based place in text order (orphans
 * last); the HTML anchor is `claim-{number}`.
 */
/** A claim in a report; its anchor fields are the words now at the position, or an orphan's words as checked. */
export type ReportClaim = AnchorFields & {
  id: string;
  number: number;
  /**
   * Where the last correction left the claim. `drifted`:
   * its words were edited after the check; `orphaned`: they are gone, so it
   * has no place in the text. Both need re-review (report-text.ts says how
   * each format shows them).
   */
  anchorState: AnchorState;
  /** The fuzzy-match score (0..1) of a drifted claim. */
  anchorScore: number | null;
  verdict: Verdict;
  /** Sanitized at save (lib/rich-text/sanitize.ts); builders insert it as is into HTML and nowhere else. */
  rationaleHtml: string;
  /** Plain text of the rationale, for every format that is not HTML. */
  rationaleText: string;
  evidence: ReportEvidence[];
  /** Each reviewer's verdict when the claim came out of a review round; empty for a solo editor's claim. */
  reviews: ReportReview[];
  /** The cluster the claim was decided from, with whether the reviewers disagreed. */
  cluster: { number: number; kind: ReportClusterKind; disagreement: boolean } | null;
  decision: ReportDecision | null;
  /** Who made the claim: the annotation's author, or the adjudicator. */
  author: ReportPerson | null;
  /** Who made the statement the claim reviews (a person or organization, free text; ClaimReview's itemReviewed.author), where known. */
  speaker?: string | null;
  /** Where and when the statement first appeared, where known (an http(s) URL; YYYY, YYYY-MM or YYYY-MM-DD). */
  firstAppearance?: { url: string | null; date: string | null } | null;
  createdAt: string;
  updatedAt: string;
};

/**
 * A cluster of a review round that the adjudicator rejected as not a claim:
 * what each reviewer marked, and the recorded decision with its rationale.
 * Human-readable round reports list them after the claims (HTML, PDF,
 * Markdown); the machine formats (CSV, ClaimReview, W3C) carry claims only.
 * Quotes only, never highlighted: a later correction may have moved the text.
 */
export type ReportRejection = {
  cluster: { number: number; kind: ReportClusterKind };
  reviews: ReportReview[];
  decision: ReportDecision;
};

/** Counts over the claims, and (when reviews exist) how far the reviewers agreed. */
export type ReportSummary = {
  total: number;
  byVerdict: Record<Verdict, number>;
  withEvidence: number;
  /** Claims decided out of a cluster whose reviewers disagreed (boundary or verdict). */
  disagreements: number;
  decided: number;
  agreement: ReportAgreement | null;
  /**
   * The review round's own figures, when the report's round claims come from
   * one round (lib/review/agreement.ts): Krippendorff's alpha (nominal) on the
   * verdicts and character-level span F1; null where undefined.
   */
  roundAgreement: { alpha: number | null; spanF1: number | null } | null;
};

/** Agreement among reviewers, over the claims that at least two reviewers marked. */
export type ReportAgreement = {
  /** Claims with two or more reviews. */
  compared: number;
  /** Of those, all reviewers gave the same verdict. */
  sameVerdict: number;
  /** Of those, all reviewers marked exactly the same span. */
  sameSpan: number;
  /** sameVerdict / compared, 0..1. */
  verdictRate: number;
  spanRate: number;
};

/** One correction of the article: the version it made, when, and why (null: saved without a reason). */
export type ReportCorrection = { number: number; createdAt: string; reason: string | null };

/** How many of the newest corrections a report lists (a report stays bounded however often an article was corrected). */
export const REPORT_CORRECTIONS_MAX = 20;

/** The publisher named as the fact-checks' author. */
export type ReportPublisher = { name: string; url: string | null; logoUrl: string | null };

export type ReportModel = {
  /** ISO date-time the report was generated. */
  generatedAt: string;
  /** The app's public origin, for links and IRIs (no trailing slash). */
  baseUrl: string;
  /** Where the desk publishes the HTML report, if it said so; `#claim-n` anchors point into it. */
  publishedUrl: string | null;
  team: {
    id: string;
    name: string;
    /** The team's slug: its public pages are /f/{slug}. */
    slug?: string;
    /** Who publishes the fact-checks (team settings): ClaimReview's `author`. Absent or null: the team, by name. */
    publisher?: ReportPublisher | null;
    /** The team's public wording of the verdicts (team settings), where it has one; the others keep VERDICT_LABELS. */
    verdictLabels?: Partial<Record<Verdict, string>>;
    /** The numeric scale of ClaimReview's rating (team settings); absent: DEFAULT_RATING_SCALE. */
    ratingScale?: RatingScale;
    /** BCP 47 language of the team's published fact-checks and of the articles it checks; absent: "en". */
    language?: string;
  };
  /**
   * Set when the article's fact-check is published: the public page
   * (`#claim-n` anchors, the ClaimReview `url`s) and the public copy of each
   * checked version's text (W3C TimeState `cached`). Absent or null: not published.
   */
  publication?: ReportPublication | null;
  article: {
    id: string;
    title: string | null;
    outlet: string | null;
    author: string | null;
    /** Calendar date as printed by the outlet, YYYY-MM-DD. */
    publishedDate: string | null;
    url: string | null;
  };
  version: {
    id: string;
    number: number;
    text: string;
    textHash: string;
    createdAt: string;
    /** What each line of `text` is (ArticleVersion.lineKinds, one per line): absent or null, every line a paragraph. */
    lineKinds?: readonly LineKind[] | null;
  };
  /**
   * The corrections that led to `version` (versions 2 up to it), oldest
   * first, with the reason each editor gave; absent or empty for a first
   * version. At most REPORT_CORRECTIONS_MAX of the newest are listed.
   */
  corrections?: ReportCorrection[];
  /** Set when the report covers one review round. */
  round: {
    id: string;
    status: string;
    /**
     * The number of the version the round reviewed. A later correction moves
     * the round's claims, so `version` (the text they are shown on) may be
     * newer. Absent: the round reviewed `version`.
     */
    reviewedVersion?: number;
    adjudicator: ReportPerson;
    createdAt: string;
    revealedAt: string | null;
    adjudicatedAt: string | null;
    closedAt: string | null;
  } | null;
  /**
   * Who reviewed in the report's round(s): the round's assigned reviewers and
   * everyone whose reading is in a cluster. Not the adjudicator as such, and
   * not editors for claims they made outside a round (`editors`).
   */
  reviewers: ReportPerson[];
  /** Who decided the report's clusters; absent or empty when no claim came out of a review. */
  adjudicators?: ReportPerson[];
  /** Editors whose own claims, made outside any review round, are in the report; absent or empty when there are none. */
  editors?: ReportPerson[];
  claims: ReportClaim[];
  /** A round report's rejected clusters, in cluster order; empty for an article report. */
  rejected: ReportRejection[];
  summary: ReportSummary;
};

/** Where a published fact-check lives in public (lib/publish/public-urls.ts). */
export type ReportPublication = {
  /** The public page, /f/{team slug}/{article slug}. */
  url: string;
  /** When it was first published, and last changed (ISO date-times). */
  publishedAt: string;
  changedAt: string;
  /** Article version numbers whose exact text is served publicly, each with its URL. */
  texts: Record<number, string>;
};

/** The app's page of the article. */
export const articlePageUrl = (m: Pick<ReportModel, "baseUrl" | "article">) => `${m.baseUrl}/articles/${encodeURIComponent(m.article.id)}`;

/** The URL of the HTML report; `#claim-n` anchors point into it. */
export const reportUrl = (m: Pick<ReportModel, "baseUrl" | "article" | "round">, format: ReportFormat = "html") =>
  `${articlePageUrl(m).replace("/articles/", "/api/articles/")}/report?format=${format}${m.round ? `&round=${encodeURIComponent(m.round.id)}` : ""}`;

/** The canonical text of the report's article version, as plain text (a W3C TimeState `cached` copy). */
export const versionTextUrl = (m: Pick<ReportModel, "baseUrl" | "article" | "version" | "publication">) =>
  m.publication?.texts[m.version.number] ?? `${articlePageUrl(m).replace("/articles/", "/api/articles/")}/versions/${m.version.number}`;

/**
 * Where the desk publishes the fact-check: the address given for this report,
 * else the app's public page when the article is published, else null.
 */
export const publishedAt = (m: Pick<ReportModel, "publishedUrl" | "publication">) => m.publishedUrl ?? m.publication?.url ?? null;

/**
 * The URL of one claim for the desk (the CSV): its `#claim-n` anchor in the
 * published report, or in the app's own HTML report (shown in the browser)
 * when none was given. ClaimReview never falls back to the desk's report: it
 * is for the public (claimReviewPage in ./claimreview.ts).
 */
export const claimUrl = (m: Pick<ReportModel, "baseUrl" | "article" | "round" | "publishedUrl" | "publication">, n: number) => {
  const published = publishedAt(m);
  return `${published ? published.replace(/#.*$/, "") : `${reportUrl(m)}&disposition=inline`}#claim-${n}`;
};

/** The article's title, or a stand-in that says it has none. */
export const reportTitle = (m: Pick<ReportModel, "article" | "version">) => articleTitleOrLead(m.article.title, m.version.text);

/** True for a URL the builders may turn into a link. */
export function isWebUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}
