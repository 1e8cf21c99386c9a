import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ApplyRelatedInput } from "@/lib/schemas/assist";
import { canEditClaim } from "@/lib/policies/claim";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere, visibleClaimWhere } from "@/lib/server/visibility/visible-where";
import { changeClaim } from "@/lib/server/claims/change-claim";

/** The earlier claim, as far as the caller may see it, with its verdict, rationale and live evidence links. */
async function findSource(user: Viewer, source: ApplyRelatedInput["source"]) {
  const links = {
    where: { deletedAt: null },
    select: { evidenceId: true, stance: true, pinpoint: true },
    orderBy: { createdAt: "asc" as const },
  };
  if (source.kind === "claim") {
    return db.claim.findFirst({
      where: { id: source.id, deletedAt: null, AND: [visibleClaimWhere(user.visibility)] },
      select: { id: true, verdict: true, rationaleHtml: true, evidenceLinks: links },
    });
  }
  return db.annotation.findFirst({
    where: { id: source.id, deletedAt: null, AND: [visibleAnnotationWhere(user.visibility)] },
    select: { id: true, verdict: true, rationaleHtml: true, evidenceLinks: links },
  });
}

/**
 * POST /api/claims/{id}/apply-related: after a person confirmed that an
 * earlier claim (found by GET /api/claims/{id}/related) is the same claim,
 * this claim takes its verdict and evidence (links not already on it), and its
 * rationale when it has none yet. The link between the two is kept
 * (ClaimLink) and audited with the change, in one transaction with the
 * claim's compare-and-set on `version`.
 */
export async function applyRelatedVerdict(user: Viewer, claimId: string, input: ApplyRelatedInput) {
  const source = await findSource(user, input.source);
  if (!source) throw notFound("The earlier claim was not found.");
  if (input.source.kind === "annotation" && source.id === claimId)
    throw new AppError("INVALID_INPUT", "A claim cannot take its own verdict.", { field: "source.id" });
  let copied = 0;
  return changeClaim(user, claimId, input.version, {
    action: "claim.apply-related",
    allowed: (row) => canEditClaim(user, row),
    data: (row) => ({ verdict: source.verdict, ...(row.rationaleHtml ? {} : { rationaleHtml: source.rationaleHtml }) }),
    also: async (tx, row) => {
      const existing = await tx.evidenceLink.findMany({
        where: { annotationId: row.id, deletedAt: null },
        select: { evidenceId: true, stance: true },
      });
      const have = new Set(existing.map((l) => `${l.evidenceId}|${l.stance}`));
      const fresh = source.evidenceLinks.filter((l) => !have.has(`${l.evidenceId}|${l.stance}`));
      if (fresh.length)
        await tx.evidenceLink.createMany({
          data: fresh.map((l) => ({ ...l, teamId: user.teamId, annotationId: row.id, createdById: user.id })),
        });
      copied = fresh.length;
      await tx.claimLink.create({
        data: {
          teamId: user.teamId,
          annotationId: row.id,
          verdict: source.verdict,
          evidenceCopied: fresh.length,
          createdById: user.id,
          ...(input.source.kind === "claim" ? { claimId: source.id } : { sourceAnnotationId: source.id }),
        },
      });
    },
    get auditExtra() {
      return { appliedFrom: input.source, evidenceCopied: copied };
    },
  });
}
