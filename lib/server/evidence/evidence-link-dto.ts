import { notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { canLinkEvidence } from "@/lib/policies/evidence";
import type { Visibility } from "@/lib/policies/visibility";
import type { EvidenceLinkDto, Stance } from "@/lib/schemas/evidence";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";
import { evidenceSelect, toEvidenceDto, type EvidenceRow, type EvidenceViewer } from "./evidence-dto";

/** The columns every read of a link selects (its item as the viewer sees it). */
export function linkSelect(v: Visibility) {
  return {
    id: true,
    annotationId: true,
    stance: true,
    pinpoint: true,
    version: true,
    createdAt: true,
    deletedAt: true,
    evidence: { select: evidenceSelect(v) },
    annotation: { select: { authorId: true, deletedAt: true } },
  } as const;
}

type LinkRow = {
  id: string;
  annotationId: string | null;
  stance: string;
  pinpoint: string | null;
  version: number;
  createdAt: Date;
  evidence: EvidenceRow;
  annotation: { authorId: string; deletedAt: Date | null } | null;
};

export function toEvidenceLinkDto(row: LinkRow, actor: EvidenceViewer): EvidenceLinkDto {
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
 * A claim (annotation) that evidence can hang on and the viewer may see, or
 * NOT_FOUND: another team's claim, and a draft that blind review hides, are
 * indistinguishable from a missing one.
 */
export async function findLinkableClaim(v: Visibility, claimId: string) {
  if (!claimId) throw notFound("Claim not found.");
  const claim = await db.annotation.findFirst({
    where: { AND: [visibleAnnotationWhere(v), { id: claimId, deletedAt: null, article: { deletedAt: null } }] },
    select: { id: true, authorId: true, deletedAt: true, exact: true, article: { select: { publishedDate: true } } },
  });
  if (!claim) throw notFound("Claim not found.");
  return claim;
}
