import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { ClusterDto } from "@/lib/schemas/review";
import { findClusterRows, toClusterDto } from "./cluster-dto";
import { decideCluster } from "./decide-cluster";
import { findRound } from "./find-round";
import { assertCanSeeOutcome } from "@/lib/server/visibility/assert-outcome";
import { requirePermission } from "@/lib/server/require-permission";
import type { AcceptAgreedResult } from "@/lib/schemas/review";

/**
 * POST /api/reviews/{id}/accept-agreed: accepts agreed clusters as the
 * reviewers marked them (their common span and verdict), each as its own
 * decision with its own version check, so one stale cluster does not undo
 * the others. Every id is checked first: one that is not a cluster of this
 * round makes the whole request a 404 and nothing is decided.
 */
export async function acceptAgreedClusters(
  user: Viewer,
  roundId: string,
  clusters: { id: string; version: number }[],
): Promise<AcceptAgreedResult> {
  const round = await findRound(user.teamId, roundId);
  requirePermission(user, "clusters.decide");
  assertCanSeeOutcome(user.visibility, round.articleId);
  const rows = await findClusterRows(user.visibility, { roundId, id: { in: clusters.map((c) => c.id) } });
  // All or nothing: an id outside the round refuses the whole request before any cluster is decided.
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (clusters.some((c) => !byId.has(c.id))) throw notFound("Cluster not found in this round.");
  const result: AcceptAgreedResult = { decided: [], conflicts: [], skipped: [] };
  for (const { id, version } of clusters) {
    const row = byId.get(id)!;
    if (row.kind !== "agreed") {
      result.skipped.push({ id, reason: "Only agreed clusters can be accepted in bulk." });
      continue;
    }
    const first = row.members[0]!.annotation;
    try {
      result.decided.push(
        await decideCluster(user, id, {
          version,
          action: "accept",
          boundary: first.id,
          verdict: first.verdict as ClusterDto["members"][number]["verdict"],
        }),
      );
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
      result.conflicts.push((e.current as ClusterDto | undefined) ?? toClusterDto(row));
    }
  }
  return result;
}
