import { notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { canLinkEvidence, type EvidenceActor } from "@/lib/policies/evidence";
import type { EvidenceLinkDto, Stance } from "@/lib/schemas/evidence";
import { evidenceSelect, toEvidenceDto, type EvidenceRow } from "./evidence-dto";

/** The columns every read of a `teamId` link selects. */
export function linkSelect(teamId: string) {
  return {
    id: true, annotationId: true, stance: true, pinpoint: true, version: true, createdAt: true, deletedAt: true,
    evidence: { select: evidenceSelect(teamId) },
    annotation: { select: { authorId: true, deletedAt: true } },
  } as const;
}

type LinkRow = {
  id: string; annotationId: string | null; stance: string; pinpoint: string | null; version: number; createdAt: Date;
  evidence: EvidenceRow; annotation: { authorId: string; deletedAt: Date | null } | null;
};

export function toEvidenceLinkDto(row: LinkRow, actor: EvidenceActor): EvidenceLinkDto {
  return {
    id: row.id,
    claimId: row.annotationId ?? "",
    stance: row.stance as Stance,
    pinpoint: row.pinpoint,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    evidence: toEvidenceDto(row.evidence, actor),
    can: { edit: !!row.annotation && canLinkEvidence(actor, row.annotation) },
  };
}

/**
 * A claim (annotation) of the caller's team that evidence can hang on, or
 * NOT_FOUND: another team's claim is indistinguishable from a missing one.
 */
export async function findLinkableClaim(teamId: string, claimId: string) {
  if (!teamId || !claimId) throw notFound("Claim not found.");
  const claim = await db.annotation.findFirst({
    where: { id: claimId, teamId, deletedAt: null, article: { deletedAt: null } },
    select: { id: true, authorId: true, deletedAt: true, exact: true, article: { select: { publishedDate: true } } },
  });
  if (!claim) throw notFound("Claim not found.");
  return claim;
}
