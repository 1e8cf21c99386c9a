import { db } from "@/lib/db";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { ClaimEvidenceDto } from "@/lib/schemas/evidence";
import { dateHints } from "@/lib/dates/date-hint";
import { findLinkableClaim, linkSelect, toEvidenceLinkDto } from "./evidence-link-dto";

/**
 * GET /api/claims/{id}/evidence: the items attached to a claim (tombstones
 * included, marked deleted), oldest first, and the date hints: where the
 * claim's own words date it outside an attached dated fact's interval.
 */
export async function listClaimEvidence(user: Viewer, claimId: string): Promise<ClaimEvidenceDto> {
  const claim = await findLinkableClaim(user.visibility, claimId);
  const rows = await db.evidenceLink.findMany({
    where: { teamId: user.teamId, annotationId: claim.id, deletedAt: null },
    select: linkSelect(user.visibility),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const facts = rows.map((r) => r.evidence).filter((e) => e.kind === "dated_fact" && !e.deletedAt);
  return {
    links: rows.map((row) => toEvidenceLinkDto(row, user)),
    hints: dateHints(claim.exact, claim.article.publishedDate, facts),
    hintsFor: claim.exact,
  };
}
