import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canLinkEvidence } from "@/lib/policies/evidence";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { linkSelect, toEvidenceLinkDto } from "./evidence-link-dto";

async function findLink(teamId: string, linkId: string) {
  if (!teamId || !linkId) throw notFound("Evidence link not found.");
  const row = await db.evidenceLink.findFirst({ where: { id: linkId, teamId, deletedAt: null }, select: linkSelect });
  if (!row) throw notFound("Evidence link not found.");
  return row;
}

/**
 * The shared shape of a change to a link (stance, pinpoint, detaching): in
 * the caller's team (404), allowed on the claim (403), and only from the
 * version the client read (409 with the current link), audited.
 */
export async function changeEvidenceLink(user: CurrentUser, linkId: string, expectedVersion: number, change: { action: string; data: Record<string, unknown> }) {
  const before = await findLink(user.teamId, linkId);
  if (!before.annotation || !canLinkEvidence(user, before.annotation)) throw new AppError("FORBIDDEN", "You may not change the evidence of this claim.");
  const conflict = (row: typeof before) =>
    new AppError("CONFLICT", "Someone changed this evidence link in the meantime. Here is the current version.", { current: toEvidenceLinkDto(row, user) });
  if (before.version !== expectedVersion) throw conflict(before);

  const after = await db.$transaction(async (tx) => {
    const { count } = await tx.evidenceLink.updateMany({
      where: { id: linkId, teamId: user.teamId, version: expectedVersion, deletedAt: null },
      data: { ...change.data, version: { increment: 1 } },
    });
    if (count === 0) return null;
    const row = await tx.evidenceLink.findFirstOrThrow({ where: { id: linkId, teamId: user.teamId }, select: linkSelect });
    const brief = (r: typeof row) => ({ stance: r.stance, pinpoint: r.pinpoint, evidenceId: r.evidence.id, annotationId: r.annotationId, deletedAt: r.deletedAt });
    await recordAuditEvent(tx, { teamId: user.teamId, actorId: user.id, action: change.action, objectType: "evidence_link", objectId: linkId, before: brief(before), after: brief(row) });
    return row;
  });
  if (!after) throw conflict(await findLink(user.teamId, linkId));
  return toEvidenceLinkDto(after, user);
}
