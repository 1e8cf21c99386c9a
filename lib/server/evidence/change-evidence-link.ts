import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { canLinkEvidence } from "@/lib/policies/evidence";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Visibility } from "@/lib/policies/visibility";
import { visibleEvidenceLinkWhere } from "@/lib/server/visibility/visible-where";
import { linkSelect, toEvidenceLinkDto } from "./evidence-link-dto";

const briefSelect = { stance: true, pinpoint: true, evidenceId: true, annotationId: true, deletedAt: true } as const;

/** A live link the viewer may see (blind review: a link on a hidden draft is as missing as another team's), or NOT_FOUND. */
async function findLink(v: Visibility, linkId: string) {
  if (!linkId) throw notFound("Evidence link not found.");
  const row = await db.evidenceLink.findFirst({
    where: { AND: [visibleEvidenceLinkWhere(v), { id: linkId, deletedAt: null }] },
    select: linkSelect(v),
  });
  if (!row) throw notFound("Evidence link not found.");
  return row;
}

/**
 * The shared shape of a change to a link (stance, pinpoint, detaching): one
 * the caller may see (404), allowed on the claim (403), and only from the
 * version the client read (409 with the current link), audited.
 */
export async function changeEvidenceLink(
  user: Viewer,
  linkId: string,
  expectedVersion: number,
  change: { action: string; data: Record<string, unknown> },
) {
  const before = await findLink(user.visibility, linkId);
  if (!before.annotation || !canLinkEvidence(user, before.annotation))
    throw new AppError("FORBIDDEN", "You may not change the evidence of this claim.");
  const conflict = (row: typeof before) =>
    new AppError("CONFLICT", "Someone changed this evidence link in the meantime. Here is the current version.", {
      current: toEvidenceLinkDto(row, user),
    });
  if (before.version !== expectedVersion) throw conflict(before);

  const brief = (r: {
    stance: string;
    pinpoint: string | null;
    evidenceId: string;
    annotationId: string | null;
    deletedAt: Date | null;
  }) => ({ stance: r.stance, pinpoint: r.pinpoint, evidenceId: r.evidenceId, annotationId: r.annotationId, deletedAt: r.deletedAt });
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.evidenceLink.updateMany({
      where: { id: linkId, teamId: user.teamId, version: expectedVersion, deletedAt: null },
      data: { ...change.data, version: { increment: 1 } },
    });
    if (count === 0) return false;
    const row = await tx.evidenceLink.findFirstOrThrow({ where: { id: linkId, teamId: user.teamId }, select: briefSelect });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: change.action,
      objectType: "evidence_link",
      objectId: linkId,
      before: brief({ ...before, evidenceId: before.evidence.id }),
      after: brief(row),
    });
    return true;
  });
  if (!changed) throw conflict(await findLink(user.visibility, linkId));
  // Read after the commit: Prisma loads the nested relations with parallel queries, which one transaction's connection cannot run.
  const after = await db.evidenceLink.findFirstOrThrow({ where: { id: linkId, teamId: user.teamId }, select: linkSelect(user.visibility) });
  return toEvidenceLinkDto(after, user);
}
