import type { CurrentUser } from "@/lib/auth/current-user";
import { notFound } from "@/lib/errors";
import type { RoundDetailDto } from "@/lib/schemas/review";
import { versionText } from "@/lib/server/articles/version-text";
import { findClusterRows, toClusterDto } from "./cluster-dto";
import { listOutcomes } from "./list-outcomes";
import { loadRoundSummary } from "./round-summaries";

/**
 * GET /api/reviews/{id}: the round with its progress. Before the reveal it
 * carries no content at all (who submitted, and counts for editors); after
 * it, the clusters side by side and the caller's own feedback.
 */
export async function getRound(user: CurrentUser, roundId: string): Promise<RoundDetailDto> {
  const summary = await loadRoundSummary(user, roundId);
  if (!summary) throw notFound("Review round not found.");
  const { text } = await versionText(summary.versionId);
  if (summary.status === "open") return { ...summary, text, clusters: [], feedback: [] };
  const [rows, feedback] = await Promise.all([findClusterRows(user.teamId, { roundId }), listOutcomes(user, { roundId })]);
  return { ...summary, text, clusters: rows.map(toClusterDto), feedback };
}
