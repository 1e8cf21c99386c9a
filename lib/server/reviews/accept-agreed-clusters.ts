import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { ClusterDto } from "@/lib/schemas/review";
import { findClusterRows, toClusterDto } from "./cluster-dto";
import { decideCluster } from "./decide-cluster";
import { findRound } from "./find-round";

/** The outcome of a bulk accept: each cluster decided, refused as stale (with its current state), or skipped. */
export type AcceptAgreedResult = { decided: ClusterDto[]; conflicts: ClusterDto[]; skipped: { id: string; reason: string }[] };

/**
 * POST /api/reviews/{id}/accept-agreed: accepts agreed clusters as the
 * reviewers marked them (their common span and verdict), each as its own
 * decision with its own version check, so one stale cluster does not undo
 * the others.
 */
export async function acceptAgreedClusters(user: CurrentUser, roundId: string, clusters: { id: string; version: number }[]): Promise<AcceptAgreedResult> {
  await findRound(user.teamId, roundId);
  if (user.role === "reviewer") throw new AppError("FORBIDDEN", "Only editors and admins decide clusters.");
  const rows = await findClusterRows(user.teamId, { roundId, id: { in: clusters.map((c) => c.id) } });
  const result: AcceptAgreedResult = { decided: [], conflicts: [], skipped: [] };
  for (const { id, version } of clusters) {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound("Cluster not found in this round.");
    if (row.kind !== "agreed") {
      result.skipped.push({ id, reason: "Only agreed clusters can be accepted in bulk." });
      continue;
    }
    const first = row.members[0]!.annotation;
    try {
      result.decided.push(await decideCluster(user, id, { version, action: "accept", boundary: first.id, verdict: first.verdict as ClusterDto["members"][number]["verdict"] }));
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
      result.conflicts.push((e.current as ClusterDto | undefined) ?? toClusterDto(row));
    }
  }
  return result;
}
