/**
 * The rationale of a claim decided out of a review cluster: the adjudicator's
 * note on top when they wrote one, then each reviewer's own rationale under
 * their name and verdict, so nothing the reviewers wrote is lost and every
 * word says whose it is. Inputs are sanitized HTML (lib/rich-text/sanitize.ts);
 * the labels added here use only tags the sanitizer allows, so the result is
 * stored and shown like any rationale.
 */
import { VERDICT_LABELS, type Verdict } from "@/lib/schemas/claim";

/** One reviewer's reading as the claim carries it. */
export type ReviewerRationale = { name: string | null; verdict: Verdict; rationaleHtml: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The claim's rationale HTML; "" when neither the adjudicator nor any reviewer wrote anything. */
export function composeClaimRationale(noteHtml: string, reviewers: readonly ReviewerRationale[]): string {
  const written = reviewers.filter((r) => r.rationaleHtml.trim() !== "");
  if (written.length === 0) return noteHtml;
  const parts = noteHtml ? [`<p><strong>Adjudicator’s note</strong></p>${noteHtml}`] : [];
  for (const r of written) {
    parts.push(
      `<p><strong>${escape(r.name?.trim() || "A reviewer")}</strong> (reviewer, ${VERDICT_LABELS[r.verdict]}):</p><blockquote>${r.rationaleHtml}</blockquote>`,
    );
  }
  return parts.join("");
}
