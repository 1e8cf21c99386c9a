import { newId } from "@/lib/db/new-id";
import { db, type Db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { LinkEvidenceInput } from "@/lib/schemas/evidence";
import { canLinkEvidence } from "@/lib/policies/evidence";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { newEvidenceItem } from "./create-evidence";
import { findLinkableClaim, linkSelect, toEvidenceLinkDto } from "./evidence-link-dto";

type Tx = Pick<Db, "$executeRaw" | "evidenceItem" | "evidenceLink">;

/**
 * Inside the attach transaction: the existing item must be a live item of the
 * team (404; 400 on `evidenceId` for a tombstone) and not yet attached to the
 * claim (the id of the link that is, for the 409). The no-op UPDATE takes the
 * item's row lock first: on PostgreSQL it makes a concurrent attach of the
 * same item, or a concurrent delete of it, wait for this transaction, so the
 * checks below see what the other one committed. (On SQLite every
 * transaction is IMMEDIATE, so they are serialized anyway.) Raw SQL, because
 * an ORM update would stamp `updatedAt` and reorder the library.
 */
async function attachedAlready(tx: Tx, teamId: string, claimId: string, evidenceId: string): Promise<string | null> {
  const locked =
    await tx.$executeRaw`UPDATE "EvidenceItem" SET "version" = "version" WHERE "id" = ${evidenceId} AND "teamId" = ${teamId} AND "deletedAt" IS NULL`;
  if (locked === 0) {
    const item = await tx.evidenceItem.findFirst({ where: { id: evidenceId, teamId }, select: { id: true } });
    if (!item) throw notFound("Evidence not found.");
    throw new AppError("INVALID_INPUT", "This item was deleted from the library.", { field: "evidenceId" });
  }
  const existing = await tx.evidenceLink.findFirst({
    where: { teamId, evidenceId, annotationId: claimId, deletedAt: null },
    select: { id: true },
  });
  return existing?.id ?? null;
}

/**
 * POST /api/claims/{id}/evidence: attaches an item of the team's library to
 * a claim of the team with a stance, or creates a new item (`evidence`) and
 * attaches it in the same transaction, so a failed attach leaves no orphan.
 * An item already attached to the claim is a 409 with that link.
 */
export async function linkEvidence(user: Viewer, claimId: string, input: LinkEvidenceInput) {
  const { teamId } = user;
  const claim = await findLinkableClaim(user.visibility, claimId);
  if (!canLinkEvidence(user, claim)) throw new AppError("FORBIDDEN", "You may not change the evidence of this claim.");
  const created = input.evidence ? await newEvidenceItem(user, input.evidence) : null;
  const evidenceId = created?.id ?? input.evidenceId!;

  const id = newId();
  const link = { teamId, evidenceId, annotationId: claim.id, stance: input.stance, pinpoint: input.pinpoint ?? null, createdById: user.id };
  const existingId = await db.$transaction(async (tx) => {
    if (created) {
      await tx.evidenceItem.create({ data: created.data, select: { id: true } });
      await recordAuditEvent(tx, created.audit);
    } else {
      const existing = await attachedAlready(tx, teamId, claim.id, evidenceId);
      if (existing) return existing;
    }
    await tx.evidenceLink.create({ data: { id, ...link }, select: { id: true } });
    await recordAuditEvent(tx, {
      teamId,
      actorId: user.id,
      action: "evidence.link",
      objectType: "evidence_link",
      objectId: id,
      after: link,
    });
    return null;
  });
  // Read after the commit: Prisma loads the nested relations with parallel queries, which one transaction's connection cannot run.
  const row = await db.evidenceLink.findFirstOrThrow({ where: { id: existingId ?? id, teamId }, select: linkSelect(user.visibility) });
  if (existingId) throw new AppError("CONFLICT", "This item is already attached to the claim.", { current: toEvidenceLinkDto(row, user) });
  return toEvidenceLinkDto(row, user);
}
