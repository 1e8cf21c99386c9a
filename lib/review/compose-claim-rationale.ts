/**
 * The rationale of a claim decided out of a review cluster: the adjudicator's
 * note on top when they wrote one, then each reviewer's own rationale under
 * their name and verdict, so nothing the reviewers wrote is lost and every
 * word says whose it is. Inputs are sanitized HTML (lib/rich-text/sanitize.ts);
 * the labels added here use only tags the sanitizer allows, so the result is
 * stored and shown like any rationale.
 *
 * It is the desk's record, for the desk: its reports print it whole. What the
 * public reads of such a claim is the adjudicator's note alone
 * (lib/publish/public-fact-check.ts); {@link adjudicatorNoteOf} recovers the
 * note from a composed rationale, for fact-checks published before that rule.
 */
import { VERDICT_LABELS, type Verdict } from "@/lib/schemas/claim";

/** One reviewer's reading as the claim carries it. */
export type ReviewerRationale = { name: string | null; verdict: Verdict; rationaleHtml: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const NOTE_HEAD = "<p><strong>Adjudicator’s note</strong></p>";
const reviewerHead = (name: string, verdict: Verdict) =>
  `<p><strong>${escape(name)}</strong> (reviewer, ${VERDICT_LABELS[verdict]}):</p><blockquote>`;
/** Where a reviewer's part of a composed rationale starts ({@link reviewerHead}, any name and verdict). */
const REVIEWER_HEAD = new RegExp(
  `<p><strong>[^<]*</strong> \\(reviewer, (?:${Object.values(VERDICT_LABELS).join("|")})\\):</p><blockquote>`,
);

/** The claim's rationale HTML; "" when neither the adjudicator nor any reviewer wrote anything. */
export function composeClaimRationale(noteHtml: string, reviewers: readonly ReviewerRationale[]): string {
  const written = reviewers.filter((r) => r.rationaleHtml.trim() !== "");
  if (written.length === 0) return noteHtml;
  const parts = noteHtml ? [`${NOTE_HEAD}${noteHtml}`] : [];
  for (const r of written) {
    parts.push(`${reviewerHead(r.name?.trim() || "A reviewer", r.verdict)}${r.rationaleHtml}</blockquote>`);
  }
  return parts.join("");
}

/**
 * The adjudicator's note of a rationale {@link composeClaimRationale} made
 * ("" when it has none): what comes after the note's heading, up to the
 * first reviewer's part. A rationale it did not compose (an editor's own
 * claim's) comes back as it is.
 */
export function adjudicatorNoteOf(html: string): string {
  const reviewers = html.search(REVIEWER_HEAD);
  if (html.startsWith(NOTE_HEAD)) return html.slice(NOTE_HEAD.length, reviewers < 0 ? undefined : reviewers);
  return reviewers === 0 ? "" : html;
}
