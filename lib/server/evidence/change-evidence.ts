import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { evidenceSelect, toEvidenceDto, type EvidenceRow } from "./evidence-dto";
import { findEvidence } from "./find-evidence";

/**
 * The shared shape of every change to an item: load it if the caller may
 * see it (404 otherwise), refuse a tombstone (409 with it: the item is gone, which
 * no permission changes), check the policy (403), then apply the change only
 * if the row still has the version the client read (409 with the current
 * item otherwise), audited in the same transaction. The compare-and-set is
 * one UPDATE, so two concurrent writers cannot both win.
 */
export async function changeEvidence(
  user: Viewer,
  evidenceId: string,
  expectedVersion: number,
  change: {
    action: string;
    /** Why a tombstone cannot take this change, for the 409. */
    deletedMessage: string;
    allowed: (row: EvidenceRow) => boolean;
    data: (row: EvidenceRow) => Record<string, unknown> | Promise<Record<string, unknown>>;
    sources?: { id: string }[];
  },
) {
  const { teamId } = user;
  const conflict = (current: EvidenceRow) =>
    new AppError(
      "CONFLICT",
      current.deletedAt ? change.deletedMessage : "Someone changed this item in the meantime. Here is the current version.",
      {
        current: toEvidenceDto(current, user),
      },
    );
  const before = await findEvidence(user.visibility, evidenceId);
  if (before.deletedAt) throw conflict(before);
  if (!change.allowed(before)) throw new AppError("FORBIDDEN", "You may not change this item.");
  if (before.version !== expectedVersion) throw conflict(before);
  const data = await change.data(before);

  const after = await db.$transaction(async (tx) => {
    const { count } = await tx.evidenceItem.updateMany({
      where: { id: evidenceId, teamId, version: expectedVersion, deletedAt: null },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) return null;
    if (change.sources) await tx.evidenceItem.update({ where: { id: evidenceId, teamId }, data: { sources: { set: change.sources } } });
    const row = await tx.evidenceItem.findFirstOrThrow({ where: { id: evidenceId, teamId }, select: evidenceSelect(user.visibility) });
    await recordAuditEvent(tx, {
      teamId,
      actorId: user.id,
      action: change.action,
      objectType: "evidence",
      objectId: evidenceId,
      before,
      after: row,
    });
    return row;
  });
  if (!after) throw conflict(await findEvidence(user.visibility, evidenceId));
  return toEvidenceDto(after, user);
}
