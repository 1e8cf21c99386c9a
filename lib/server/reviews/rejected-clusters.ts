import { db } from "@/lib/db";
import type { Verdict } from "@/lib/schemas/claim";
import type { ClusterKind } from "@/lib/review/cluster-annotations";

const person = { select: { id: true, name: true } } as const;

export type RejectedCluster = {
  id: string;
  number: number;
  kind: ClusterKind;
  members: { author: { id: string; name: string | null }; start: number; end: number; exact: string; verdict: Verdict; rationaleHtml: string }[];
  decision: { decider: { id: string; name: string | null }; boundary: string | null; rationaleHtml: string; createdAt: string };
};

/**
 * The clusters of round `roundId` (of `teamId`) rejected as not a claim, in
 * cluster order, each with its members in text order and the decision that
 * rejected it (the latest one: a cluster can be re-decided). Callers check
 * the round and the blind-review rule first.
 */
export async function listRejectedClusters(teamId: string, roundId: string): Promise<RejectedCluster[]> {
  const clusters = await db.cluster.findMany({
    where: { teamId, roundId, status: "rejected" },
    orderBy: { number: "asc" },
    select: {
      id: true, number: true, kind: true,
      members: { select: { annotation: { select: { author: person, start: true, end: true, exact: true, verdict: true, rationaleHtml: true } } } },
      decisions: { orderBy: { createdAt: "desc" }, take: 1, select: { decider: person, boundary: true, rationaleHtml: true, createdAt: true } },
    },
  });
  return clusters.flatMap((c) => {
    const decision = c.decisions[0];
    if (!decision) return [];
    return [{
      id: c.id,
      number: c.number,
      kind: c.kind as ClusterKind,
      members: c.members
        .map(({ annotation: a }) => ({ ...a, verdict: a.verdict as Verdict }))
        .sort((x, y) => x.start - y.start || x.end - y.end),
      decision: { ...decision, createdAt: decision.createdAt.toISOString() },
    }];
  });
}
