import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ClaimDto } from "@/lib/schemas/claim";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { roundAnnotationEditBlock } from "@/lib/policies/round";
import { publishClaimEvent } from "./claim-event";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";
import { claimSelect, toClaimDto } from "./claim-dto";

type Row = NonNullable<Awaited<ReturnType<typeof findClaimRow>>>;

/** The claim if the caller may see it (blind review: someone else's draft in an open round is as missing as another team's). */
function findClaimRow(user: Viewer, claimId: string) {
  if (!claimId) throw notFound("Claim not found.");
  return db.annotation.findFirst({ where: { AND: [visibleAnnotationWhere(user.visibility), { id: claimId }] }, select: claimSelect });
}

/**
 * The shared shape of every change to an existing claim: load it if the
 * caller may see it (404 otherwise), check the policy (403), apply the change
 * only if the row still has the version the client read (409 with the
 * current state otherwise), and audit it. The compare-and-set happens in
 * one UPDATE, so two concurrent writers cannot both win.
 */
export async function changeClaim(
  user: Viewer,
  claimId: string,
  expectedVersion: number,
  change: {
    action: string;
    allowed: (row: Row) => boolean;
    data: (row: Row) => Record<string, unknown>;
    /** More writes in the same transaction, after the compare-and-set (evidence copied, a link kept). */
    also?: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], row: Row) => Promise<unknown>;
    /** What the audit event's `after` adds to the row (what `also` did). */
    auditExtra?: Record<string, unknown>;
  },
): Promise<ClaimDto> {
  const before = await findClaimRow(user, claimId);
  if (!before) throw notFound("Claim not found.");
  if (!change.allowed(before)) throw new AppError("FORBIDDEN", roundAnnotationEditBlock(user, before) ?? "You may not change this claim.");
  if (before.version !== expectedVersion) throw conflict(before, user);

  const after = await db.$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id: claimId, teamId: user.teamId, version: expectedVersion },
      data: { ...change.data(before), version: { increment: 1 } },
    });
    if (count === 0) return null;
    if (change.also) await change.also(tx, before);
    const row = await tx.annotation.findFirstOrThrow({ where: { id: claimId, teamId: user.teamId }, select: claimSelect });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: change.action,
      objectType: "annotation",
      objectId: claimId,
      before,
      after: { ...row, ...change.auditExtra },
    });
    return row;
  });
  if (!after) {
    const current = await findClaimRow(user, claimId);
    if (!current) throw notFound("Claim not found.");
    throw conflict(current, user);
  }
  publishClaimEvent(user, after);
  return toClaimDto(after, user);
}

function conflict(current: Row, user: Viewer) {
  return new AppError("CONFLICT", "Someone changed this claim in the meantime. Here is the current version.", {
    current: toClaimDto(current, user),
  });
}
