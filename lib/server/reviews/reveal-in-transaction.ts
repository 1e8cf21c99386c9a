import { newId } from "@/lib/db/new-id";
import type { Db } from "@/lib/db";
import type { Verdict } from "@/lib/schemas/claim";
import { clusterAnnotations } from "@/lib/review/cluster-annotations";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

type Tx = Pick<Db, "reviewRound" | "roundAssignment" | "annotation" | "cluster" | "clusterMember" | "auditEvent">;

/**
 * Ends the blind phase of a round inside the caller's transaction: open →
 * revealed (a compare-and-set on the status, so of two concurrent reveals
 * one wins), then clusters the annotations of the reviewers who submitted and
 * stores the clusters. Drafts of reviewers who never submitted stay out of
 * the adjudication: unsubmitted work was not vouched for by its author.
 * A reveal that makes no cluster leaves nothing to decide, so the round goes
 * straight on to adjudicated (same version step, `adjudicatedAt` = reveal time).
 * Returns the new round version, or null if the round was no longer open
 * (or no longer had `expectedVersion`).
 */
export async function revealInTransaction(
  tx: Tx,
  round: { id: string; teamId: string },
  actorId: string,
  reason: "all-submitted" | "editor",
  expectedVersion?: number,
) {
  const now = new Date();
  const { count } = await tx.reviewRound.updateMany({
    where: { id: round.id, teamId: round.teamId, status: "open", ...(expectedVersion !== undefined ? { version: expectedVersion } : {}) },
    data: { status: "revealed", revealedAt: now, version: { increment: 1 } },
  });
  if (count === 0) return null;
  const submitted = await tx.roundAssignment.findMany({
    where: { roundId: round.id, submittedAt: { not: null } },
    select: { reviewerId: true },
  });
  const annotations = await tx.annotation.findMany({
    where: { teamId: round.teamId, roundId: round.id, deletedAt: null, authorId: { in: submitted.map((s) => s.reviewerId) } },
    select: { id: true, authorId: true, start: true, end: true, verdict: true },
  });
  const clusters = clusterAnnotations(
    annotations.map((a) => ({ id: a.id, reviewerId: a.authorId, start: a.start, end: a.end, verdict: a.verdict as Verdict })),
  );
  const rows = clusters.map((c) => ({
    id: newId(),
    teamId: round.teamId,
    roundId: round.id,
    number: c.number,
    kind: c.kind,
    start: c.start,
    end: c.end,
  }));
  if (rows.length > 0) {
    await tx.cluster.createMany({ data: rows });
    await tx.clusterMember.createMany({
      data: clusters.flatMap((c, i) => c.memberIds.map((annotationId) => ({ clusterId: rows[i]!.id, annotationId }))),
    });
  } else {
    // Nothing to decide: no decision would ever move the round on, and a round
    // stuck "revealed" could neither be closed nor make way for a new one.
    await tx.reviewRound.update({ where: { id: round.id }, data: { status: "adjudicated", adjudicatedAt: now } });
  }
  const after = await tx.reviewRound.findUniqueOrThrow({
    where: { id: round.id },
    select: { status: true, version: true, revealedAt: true, adjudicatedAt: true },
  });
  await recordAuditEvent(tx, {
    teamId: round.teamId,
    actorId,
    action: "round.reveal",
    objectType: "round",
    objectId: round.id,
    before: { status: "open" },
    after: { ...after, reason, clusters: clusters.map((c) => ({ number: c.number, kind: c.kind, members: c.memberIds })) },
  });
  return after.version;
}
