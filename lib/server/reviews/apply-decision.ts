import { newId } from "@/lib/db/new-id";
import type { Db } from "@/lib/db";
import type { Verdict } from "@/lib/schemas/claim";
import type { IndexedText } from "@/lib/server/articles/version-text";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { materializeClaim, retractClaim } from "./materialize-claim";
import { composeClaimRationale } from "@/lib/review/compose-claim-rationale";
import { clusterClaimSelect } from "./cluster-dto";

type Tx = Pick<Db, "cluster" | "decision" | "claim" | "evidenceLink" | "annotation" | "reviewRound" | "auditEvent">;

/** A checked decision on one cluster: the span is resolved (null for a rejection), the rationale sanitized. */
export type DecisionChange = {
  teamId: string;
  actorId: string;
  /** The cluster as the decider read it; `version` is compared-and-set. */
  cluster: { id: string; roundId: string; articleId: string; versionId: string; status: string; version: number };
  /** The cluster's annotations; the author's name labels their rationale in the claim. */
  members: readonly { id: string; verdict: string; rationaleHtml: string; author?: { name: string | null } | null }[];
  action: "accept" | "reject";
  /** Set for an accept: the boundary choice as named (an annotation id, union, intersection, custom), its span and the verdict. */
  boundary?: string;
  span: { start: number; end: number } | null;
  verdict?: Verdict;
  rationaleHtml: string;
  text: IndexedText;
  /** When the decision was made (default: now). */
  at?: Date;
};

/**
 * Records a decision inside the caller's transaction: the cluster's
 * compare-and-set, the append-only Decision row, the final Claim (made or
 * updated on accept, tombstoned on reject), the round's move to adjudicated
 * when no cluster is left open, and the audit event with the state before and
 * after. Returns null when the cluster no longer has the version read.
 * Shared by decide-cluster.ts and the seed factories, so seeded decisions
 * leave the same rows and audit trail as the app's.
 */
export async function applyDecision(tx: Tx, d: DecisionChange): Promise<{ adjudicated: boolean } | null> {
  const at = d.at ?? new Date();
  const status = d.span ? "decided" : "rejected";
  const { count } = await tx.cluster.updateMany({
    where: { id: d.cluster.id, version: d.cluster.version },
    data: { status, version: { increment: 1 } },
  });
  if (count === 0) return null;
  // Read after the compare-and-set: nobody else can change this cluster's claim until we commit.
  const claimBefore = await tx.claim.findUnique({ where: { clusterId: d.cluster.id }, select: clusterClaimSelect });
  const decision = await tx.decision.create({
    data: {
      id: newId(),
      teamId: d.teamId,
      clusterId: d.cluster.id,
      deciderId: d.actorId,
      action: d.action,
      boundary: d.span ? d.boundary! : null,
      start: d.span?.start ?? null,
      end: d.span?.end ?? null,
      verdict: d.span ? d.verdict! : null,
      rationaleHtml: d.rationaleHtml,
      clusterVersion: d.cluster.version,
      createdAt: at,
    },
  });
  let claim = null;
  if (d.span) {
    // Evidence comes from the reviewer whose span was taken, else from those who gave the verdict.
    const picked = d.members.find((m) => m.id === d.boundary);
    const agreeing = picked ? [picked] : d.members.filter((m) => m.verdict === d.verdict);
    const fallback = agreeing.length ? agreeing : d.members;
    // Every reviewer's rationale goes into the claim under their name, those who gave the verdict first; the adjudicator's note on top.
    const ordered = [...fallback, ...d.members.filter((m) => !fallback.includes(m))];
    claim = await materializeClaim(tx, {
      teamId: d.teamId,
      actorId: d.actorId,
      span: d.span,
      verdict: d.verdict!,
      text: d.text,
      cluster: { id: d.cluster.id, articleId: d.cluster.articleId, versionId: d.cluster.versionId },
      rationaleHtml: composeClaimRationale(
        d.rationaleHtml,
        ordered.map((m) => ({ name: m.author?.name ?? null, verdict: m.verdict as Verdict, rationaleHtml: m.rationaleHtml })),
      ),
      chosenAnnotationIds: fallback.map((m) => m.id),
    });
  } else await retractClaim(tx, d.cluster.id);
  const stillOpen = await tx.cluster.count({ where: { roundId: d.cluster.roundId, status: "open" } });
  const adjudicated =
    stillOpen === 0
      ? (
          await tx.reviewRound.updateMany({
            where: { id: d.cluster.roundId, status: "revealed" },
            data: { status: "adjudicated", adjudicatedAt: at, version: { increment: 1 } },
          })
        ).count > 0
      : false;
  await recordAuditEvent(tx, {
    teamId: d.teamId,
    actorId: d.actorId,
    action: `cluster.${d.action}`,
    objectType: "cluster",
    objectId: d.cluster.id,
    before: { status: d.cluster.status, version: d.cluster.version, claim: claimBefore },
    after: { status, version: d.cluster.version + 1, decision, claim, roundAdjudicated: adjudicated },
  });
  return { adjudicated };
}
