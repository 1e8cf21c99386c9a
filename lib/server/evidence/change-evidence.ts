import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { evidenceSelect, toEvidenceDto, type EvidenceRow } from "./evidence-dto";
import { findEvidence } from "./find-evidence";

/**
 * The shared shape of every change to an item: load it in the caller's team
 * (404 otherwise), check the policy (403), then apply the change only if the
 * row still has the version the client read (409 with the current item
 * otherwise), audited in the same transaction. The compare-and-set is one
 * UPDATE, so two concurrent writers cannot both win.
 */
export async function changeEvidence(
  user: CurrentUser,
  evidenceId: string,
  expectedVersion: number,
  change: {
    action: string;
    allowed: (row: EvidenceRow) => boolean;
    data: (row: EvidenceRow) => Record<string, unknown> | Promise<Record<string, unknown>>;
    sources?: { id: string }[];
  },
) {
  const before = await findEvidence(user.teamId, evidenceId);
  if (!change.allowed(before)) throw new AppError("FORBIDDEN", "You may not change this item.");
  if (before.version !== expectedVersion) throw conflict(before, user);
  const data = await change.data(before);

  const after = await db.$transaction(async (tx) => {
    const { count } = await tx.evidenceItem.updateMany({
      where: { id: evidenceId, teamId: user.teamId, version: expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) return null;
    if (change.sources) await tx.evidenceItem.update({ where: { id: evidenceId }, data: { sources: { set: change.sources } } });
    const row = await tx.evidenceItem.findFirstOrThrow({ where: { id: evidenceId, teamId: user.teamId }, select: evidenceSelect });
    await recordAuditEvent(tx, { teamId: user.teamId, actorId: user.id, action: change.action, objectType: "evidence", objectId: evidenceId, before, after: row });
    return row;
  });
  if (!after) throw conflict(await findEvidence(user.teamId, evidenceId), user);
  return toEvidenceDto(after, user);
}

function conflict(current: EvidenceRow, user: CurrentUser) {
  return new AppError("CONFLICT", "Someone changed this item in the meantime. Here is the current version.", {
    current: toEvidenceDto(current, user),
  });
}
