/**
 * Words and plain-text pieces that every human-readable format prints the
 * same way (HTML, PDF, Markdown, CSV), so the formats never drift apart.
 * Nothing here escapes: each builder escapes for its own syntax.
 */
import { asciiSlug } from "@/lib/ascii-slug";
import { formatDate, formatDateTime as formatInstant } from "@/lib/format-date";
import { VERDICT_LABELS } from "@/lib/schemas/claim";
import type { ReportClaim, ReportClusterKind, ReportEvidence, ReportModel, ReportRejection, ReportReview } from "./report-model";
import { reportTitle } from "./report-model";

export { VERDICT_LABELS };

/** What "Unsourced" means; printed wherever the verdicts are explained. */
export const UNSOURCED_NOTE =
  "Unsourced means the text gives no attribution or evidence for the statement. It is not a truth value and not a “half true”.";

export const STANCE_LABELS: Record<ReportEvidence["stance"], string> = {
  supports: "Supports",
  contradicts: "Contradicts",
  context: "Context",
};

export const CLUSTER_KIND_LABELS: Record<ReportClusterKind, string> = {
  agreed: "Reviewers agreed",
  boundary_only: "Reviewers disagreed on the span",
  verdict_conflict: "Reviewers disagreed on the verdict",
  single_reviewer: "Marked by one reviewer",
};

/** "2026-11-25T14:03:00.000Z" -> "25 Nov 2026, 14:03 UTC"; calendar dates go through formatDate. */
export function formatDateTime(iso: string): string {
  return /^\d{4}(-\d{2}){0,2}$/.test(iso) ? formatDate(iso) : formatInstant(iso);
}

/** A calendar date as written (YYYY, YYYY-MM or YYYY-MM-DD), readable. */
export const formatCalendarDate = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso) : iso);

/** The metadata block of a report as label/value pairs (values are plain text). */
export function reportFacts(m: ReportModel): [string, string][] {
  const facts: [string, string | null | undefined][] = [
    ["Article", reportTitle(m)],
    ["Outlet", m.article.outlet],
    ["Author", m.article.author],
    ["Published", m.article.publishedDate ? formatCalendarDate(m.article.publishedDate) : null],
    ["Article URL", m.article.url],
    [
      "Article version",
      `${m.version.number}, captured ${formatDateTime(m.version.createdAt)} (SHA-256 ${m.version.textHash.slice(0, 12)}…)`,
    ],
    ["Corrections", correctionsLine(m)],
    ["Team", m.team.name],
    ...peopleFacts(m),
    ["Review round", m.round ? roundLine(m.round) : null],
    ["Reviewed version", reviewedVersionLine(m)],
    ["Generated", formatDateTime(m.generatedAt)],
  ];
  return facts.filter((f): f is [string, string] => !!f[1]);
}

/**
 * Who did what, each under what they did (an editor who adjudicated the
 * round and tagged claims of their own is named twice, never as a reviewer):
 * the round's reviewers, the adjudicators (a round report names its own in
 * the round line) and the editors whose own claims, made outside a round,
 * are in the report. "Reviewers: None" when the report names nobody.
 */
function peopleFacts(m: ReportModel): [string, string | null][] {
  const names = (people: readonly { name: string }[] | undefined) => people?.map((r) => r.name).join(", ") || null;
  const facts: [string, string | null][] = [
    ["Reviewers", names(m.reviewers)],
    ["Adjudicated by", m.round ? null : names(m.adjudicators)],
    [OWN_CLAIMS_LABEL, names(m.editors)],
  ];
  return facts.some(([, v]) => v) ? facts : [["Reviewers", "None"]];
}

/** The report header's label for the editors whose own claims, made outside a review round, the report holds. */
export const OWN_CLAIMS_LABEL = "Marked outside a round by";

function roundLine(r: NonNullable<ReportModel["round"]>): string {
  const dates = [`opened ${formatDateTime(r.createdAt)}`];
  if (r.revealedAt) dates.push(`revealed ${formatDateTime(r.revealedAt)}`);
  if (r.adjudicatedAt) dates.push(`adjudicated ${formatDateTime(r.adjudicatedAt)}`);
  if (r.closedAt) dates.push(`closed ${formatDateTime(r.closedAt)}`);
  return `${r.status}; adjudicator ${r.adjudicator.name}; ${dates.join(", ")}`;
}

/** Each correction that led to the reported version, with the editor's reason; null for a first version. */
function correctionsLine(m: ReportModel): string | null {
  const list = m.corrections ?? [];
  if (list.length === 0) return null;
  const earlier = list[0]!.number > 2 ? `${list[0]!.number - 2} earlier not listed; ` : "";
  return (
    earlier +
    list
      .map(
        (c) =>
          `version ${c.number} (${formatDateTime(c.createdAt)}): ${c.reason ? `“${c.reason.replace(/\s+/g, " ")}”` : "no reason given"}`,
      )
      .join("; ")
  );
}

/** A round report shown on a newer version than the round reviewed says so; null otherwise. */
function reviewedVersionLine(m: ReportModel): string | null {
  const reviewed = m.round?.reviewedVersion;
  if (reviewed === undefined || reviewed === m.version.number) return null;
  return `The round reviewed version ${reviewed}. A correction has since moved its claims, so they are shown on version ${m.version.number}.`;
}

/** Summary counts as label/value pairs. */
export function summaryFacts(m: ReportModel): [string, string][] {
  const s = m.summary;
  const rows: [string, string][] = [
    ["Claims", String(s.total)],
    [VERDICT_LABELS.verified, String(s.byVerdict.verified)],
    [VERDICT_LABELS.disputed, String(s.byVerdict.disputed)],
    [VERDICT_LABELS.unsourced, String(s.byVerdict.unsourced)],
    ["With evidence", String(s.withEvidence)],
    ["Decided by adjudication", String(s.decided)],
    ["Reviewer disagreements", String(s.disagreements)],
  ];
  const stale = m.claims.filter(needsReReview).length;
  if (stale > 0) rows.push(["Text changed after the check", `${stale} (needs re-review)`]);
  if (s.agreement) {
    const a = s.agreement;
    rows.push(["Same verdict", `${a.sameVerdict} of ${a.compared} (${percent(a.verdictRate)})`]);
    rows.push(["Same span", `${a.sameSpan} of ${a.compared} (${percent(a.spanRate)})`]);
  }
  if (s.roundAgreement) {
    const { alpha, spanF1 } = s.roundAgreement;
    rows.push(["Krippendorff’s alpha (verdicts)", alpha === null ? "not defined" : alpha.toFixed(2)]);
    rows.push(["Span overlap F1", spanF1 === null ? "not defined" : spanF1.toFixed(2)]);
  }
  return rows;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * A correction changed the claim's words after the desk checked them: it
 * drifted (now on edited words) or was orphaned (its words are gone).
 */
export const needsReReview = (c: Pick<ReportClaim, "anchorState">) => c.anchorState === "drifted" || c.anchorState === "orphaned";

/** The claim is marked in the report's text; an orphan is only listed, with its words as checked. */
export const isPlaced = (c: Pick<ReportClaim, "anchorState">) => c.anchorState !== "orphaned";

/** How every human-readable format starts the note of a claim that needs re-review. */
const REREVIEW_NOTE = "Text changed after the check: needs re-review.";

/**
 * The note a claim that needs re-review carries next to its quote (HTML,
 * Markdown and PDF print it, CSV has `anchor_state`), or "" for a claim
 * whose words are those that were checked.
 */
export function anchorNote(c: Pick<ReportClaim, "anchorState">): string {
  if (c.anchorState === "drifted")
    return `${REREVIEW_NOTE} A correction edited these words: the quote is the corrected text, the verdict was given on the earlier wording.`;
  if (c.anchorState === "orphaned")
    return `${REREVIEW_NOTE} A correction removed or rewrote these words, so they are not marked in the text: the quote is the text as checked.`;
  return "";
}

/** One evidence link on one line: title, publisher, dates, stance, pinpoint (URL separate). */
export const evidenceLine = (e: ReportEvidence) => `${e.title} · ${evidenceDetails(e)}`;

/** Everything {@link evidenceLine} says after the title. */
export function evidenceDetails(e: ReportEvidence): string {
  const parts: string[] = [];
  if (e.publisher) parts.push(e.publisher);
  const dated = e.dateStart
    ? `fact dated ${formatCalendarDate(e.dateStart)}${e.dateEnd ? ` to ${formatCalendarDate(e.dateEnd)}` : ""}`
    : null;
  if (dated) parts.push(dated);
  if (e.publishedDate) parts.push(`published ${formatCalendarDate(e.publishedDate)}`);
  if (e.accessedDate) parts.push(`accessed ${formatCalendarDate(e.accessedDate)}`);
  parts.push(STANCE_LABELS[e.stance].toLowerCase());
  if (e.pinpoint) parts.push(`“${e.pinpoint}”`);
  if (e.deleted) parts.push("since deleted from the library");
  return parts.join(" · ");
}

/** "Riya: Verified; Rafael: Disputed", or "" for a claim made outside a round. */
export const reviewsLine = (c: ReportClaim) => c.reviews.map((r) => `${r.reviewer.name}: ${VERDICT_LABELS[r.verdict]}`).join("; ");

/** The cluster and decision of a claim in one plain line, or "". */
export function decisionLine(c: ReportClaim): string {
  const parts: string[] = [];
  if (c.cluster) parts.push(CLUSTER_KIND_LABELS[c.cluster.kind]);
  if (c.decision) {
    parts.push(`decided by ${c.decision.by.name} on ${formatDateTime(c.decision.at)}`);
    // The claim's rationale carries the adjudicator's note (compose-claim-rationale.ts): printed once.
    if (c.decision.rationaleText && !c.rationaleText.includes(c.decision.rationaleText)) parts.push(c.decision.rationaleText);
  }
  return parts.join(" — ");
}

/** What every format prints for an empty rationale. */
export const NO_RATIONALE = "None given";

/** The heading of a round report's clusters rejected as not a claim. */
export const REJECTED_HEADING = "Rejected as not a claim";

/** What the section says before the rejected clusters. */
export const REJECTED_INTRO =
  "Reviewers marked these passages, and the adjudicator decided they are not claims. They have no verdict and are not in the claim counts.";

/** "Cluster 3 · Marked by one reviewer": the title of one rejected cluster. */
export const rejectionTitle = (r: ReportRejection) => `Cluster ${r.cluster.number} · ${CLUSTER_KIND_LABELS[r.cluster.kind]}`;

/** "Rafael Reviewer marked it Unsourced: Who says so?" — one reviewer of a rejected cluster (the quote is printed apart). */
export const rejectedReviewLine = (v: ReportReview) =>
  `${v.reviewer.name} marked it ${VERDICT_LABELS[v.verdict]}${v.rationaleText ? `: ${v.rationaleText}` : ""}`;

/** "Rejected by Eddie Editor on 22 Nov 2026, 15:05 UTC" (the rationale is printed apart). */
export const rejectionDecisionLine = (r: ReportRejection) => `Rejected by ${r.decision.by.name} on ${formatDateTime(r.decision.at)}`;

/** A file-name-safe stem: ASCII letters, digits and dashes. */
export function fileStem(m: ReportModel): string {
  const slug = asciiSlug(reportTitle(m), 60);
  return `${slug || "article"}-v${m.version.number}${m.round ? `-round-${m.round.id.slice(0, 8)}` : ""}`;
}
