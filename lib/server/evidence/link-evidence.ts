import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { LinkEvidenceInput } from "@/lib/schemas/evidence";
import { canLinkEvidence } from "@/lib/policies/evidence";
import { auditEventCreate } from "@/lib/server/audit/record-audit-event";
import { evidenceCreateOps } from "./create-evidence";
import { findLinkableClaim, linkSelect, toEvidenceLinkDto } from "./evidence-link-dto";

/** The library item to attach: an existing live item of the team, checked not to be attached already. */
async function existingItem(teamId: string, claimId: string, evidenceId: string) {
  const item = await db.evidenceItem.findFirst({ where: { id: evidenceId, teamId }, select: { id: true, deletedAt: true } });
  if (!item) throw notFound("Evidence not found.");
  if (item.deletedAt) throw new AppError("INVALID_INPUT", "This item was deleted from the library.", { field: "evidenceId" });
  const twice = await db.evidenceLink.count({ where: { teamId, evidenceId, annotationId: claimId, deletedAt: null } });
  if (twice) throw new AppError("INVALID_INPUT", "This item is already attached to the claim.", { field: "evidenceId" });
}

/**
 * POST /api/claims/{id}/evidence: attaches an item of the team's library to
 * a claim of the team with a stance, or creates a new item (`evidence`) and
 * attaches it in the same transaction, so a failed attach leaves no orphan.
 */
export async function linkEvidence(user: CurrentUser, claimId: string, input: LinkEvidenceInput) {
  const claim = await findLinkableClaim(user.teamId, claimId);
  if (!canLinkEvidence(user, claim)) throw new AppError("FORBIDDEN", "You may not change the evidence of this claim.");
  const created = input.evidence ? await evidenceCreateOps(user, input.evidence) : null;
  if (input.evidenceId) await existingItem(user.teamId, claim.id, input.evidenceId);
  const evidenceId = created?.id ?? input.evidenceId!;

  const id = randomUUID();
  const link = { teamId: user.teamId, evidenceId, annotationId: claim.id, stance: input.stance, pinpoint: input.pinpoint ?? null, createdById: user.id };
  await db.$transaction([
    ...(created ? [created.create, created.audit] : []),
    db.evidenceLink.create({ data: { id, ...link }, select: { id: true } }),
    auditEventCreate({ teamId: user.teamId, actorId: user.id, action: "evidence.link", objectType: "evidence_link", objectId: id, after: link }),
  ]);
  const row = await db.evidenceLink.findFirstOrThrow({ where: { id, teamId: user.teamId }, select: linkSelect });
  return toEvidenceLinkDto(row, user);
}
