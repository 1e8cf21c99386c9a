import type { ReportClaim, ReportClusterKind, ReportSummary } from "./report-model";

/** Cluster kinds where the reviewers did not agree on the boundary or the verdict. */
export const isDisagreement = (kind: ReportClusterKind) => kind === "boundary_only" || kind === "verdict_conflict";

/**
 * Summary counts and agreement figures of a report's claims. Agreement is
 * only computed over claims that two or more reviewers marked; it is null
 * when there are none (a solo editor's report has nothing to agree on).
 */
export function summarizeClaims(claims: readonly ReportClaim[]): ReportSummary {
  const byVerdict = { verified: 0, disputed: 0, unsourced: 0 };
  let withEvidence = 0;
  let disagreements = 0;
  let decided = 0;
  let compared = 0;
  let sameVerdict = 0;
  let sameSpan = 0;
  for (const c of claims) {
    byVerdict[c.verdict]++;
    if (c.evidence.length > 0) withEvidence++;
    if (c.cluster?.disagreement) disagreements++;
    if (c.decision) decided++;
    if (c.reviews.length >= 2) {
      compared++;
      const [first] = c.reviews;
      if (c.reviews.every((r) => r.verdict === first!.verdict)) sameVerdict++;
      if (c.reviews.every((r) => r.start === first!.start && r.end === first!.end)) sameSpan++;
    }
  }
  const agreement =
    compared > 0 ? { compared, sameVerdict, sameSpan, verdictRate: sameVerdict / compared, spanRate: sameSpan / compared } : null;
  return { total: claims.length, byVerdict, withEvidence, disagreements, decided, agreement, roundAgreement: null };
}
