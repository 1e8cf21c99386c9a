import { db } from "@/lib/db";
import type { ClusterKind } from "@/lib/schemas/review";
import type { Visibility } from "@/lib/policies/visibility";
import { visibleClusterWhere } from "@/lib/server/visibility/visible-where";
import { clusterMembersSelect, latestDecisionSelect, membersInTextOrder } from "@/lib/server/claims/list-final-claims";
import type { FinalClaim, FinalClaimMember } from "@/lib/schemas/final-claim";

export type RejectedCluster = {
  id: string;
  number: number;
  kind: ClusterKind;
  members: FinalClaimMember[];
  decision: NonNullable<FinalClaim["decision"]>;
};

/**
 * The clusters of round `roundId` rejected as not a claim that the viewer
 * may see (none on an article they review blind), in cluster order, each with
 * its members in text order and the decision that rejected it (the latest
 * one, as for final claims). Callers check the round first.
 */
export async function listRejectedClusters(v: Visibility, roundId: string): Promise<RejectedCluster[]> {
  const clusters = await db.cluster.findMany({
    where: { AND: [visibleClusterWhere(v), { roundId, status: "rejected" }] },
    orderBy: { number: "asc" },
    select: { id: true, number: true, kind: true, members: clusterMembersSelect, decisions: latestDecisionSelect },
  });
  return clusters.flatMap((c) => {
    const decision = c.decisions[0];
    if (!decision) return [];
    return [
      {
        id: c.id,
        number: c.number,
        kind: c.kind as ClusterKind,
        members: membersInTextOrder(c.members),
        decision: { ...decision, createdAt: decision.createdAt.toISOString() },
      },
    ];
  });
}
