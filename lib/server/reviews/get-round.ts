import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { assertCanSeeOutcome } from "@/lib/server/visibility/assert-outcome";
import type { ClusterDto, RoundDetailDto } from "@/lib/schemas/review";
import { versionText } from "@/lib/server/articles/version-text";
import { findClusterRows, toClusterDto } from "./cluster-dto";
import { listOutcomes } from "./list-outcomes";
import { loadRoundSummary } from "./round-summaries";
import { roundTextVersion } from "./round-text-version";

/**
 * GET /api/reviews/{id}: the round with its progress. Before the reveal it
 * carries no content at all (who submitted, and counts for editors); after
 * it, the clusters side by side and the caller's own feedback.
 *
 * After a correction of the closed round, everything is drawn on the version
 * its rows are on now, as the round report is (roundTextVersion). Cluster
 * spans (`Cluster.start/end`) stay on the reviewed version, so each cluster
 * is shown at the union of its members' spans on that text: a cluster's span
 * is that union by definition, and the members moved by the same diff.
 */
export async function getRound(user: Viewer, roundId: string): Promise<RoundDetailDto> {
  const summary = await loadRoundSummary(user, roundId);
  if (!summary) throw notFound("Review round not found.");
  const round = { articleId: summary.article.id, versionId: summary.versionId };
  if (summary.status === "open") {
    // No correction while a round is open: its rows are on the version it reviews.
    const [{ text, lineKinds }, textVersion] = await Promise.all([versionText(round.versionId), roundTextVersion(user.teamId, round, [])]);
    return { ...summary, text, lineKinds, textVersion, clusters: [], feedback: [] };
  }
  // A reviewer in a later, still blind round of this article sees no earlier round's work.
  assertCanSeeOutcome(user.visibility, round.articleId);
  const [rows, feedback, rowVersions] = await Promise.all([
    findClusterRows(user.visibility, { roundId }),
    listOutcomes(user, { roundId }),
    roundRowVersions(user.teamId, roundId),
  ]);
  const textVersion = await roundTextVersion(user.teamId, round, rowVersions.values());
  const { text, lineKinds } = await versionText(textVersion.id);
  const clusters = rows.map(toClusterDto);
  if (textVersion.id === round.versionId) return { ...summary, text, lineKinds, textVersion, clusters, feedback };
  const onText = (id: string) => rowVersions.get(id) === textVersion.id;
  return { ...summary, text, lineKinds, textVersion, clusters: clusters.map((c) => atMembers(c, onText)), feedback };
}

/** The version each of the round's annotations and live final claims is on now, by row id. */
async function roundRowVersions(teamId: string, roundId: string): Promise<Map<string, string>> {
  const [annotations, claims] = await Promise.all([
    db.annotation.findMany({ where: { teamId, roundId }, select: { id: true, versionId: true } }),
    db.claim.findMany({ where: { teamId, deletedAt: null, cluster: { roundId } }, select: { id: true, versionId: true } }),
  ]);
  return new Map([...annotations, ...claims].map((r) => [r.id, r.versionId]));
}

/**
 * A cluster at the union of its members' spans on the shown text; at its
 * claim's span when no member has a place there; nowhere (0–0, not
 * highlighted, still listed) when neither has.
 */
function atMembers(c: ClusterDto, onText: (id: string) => boolean): ClusterDto {
  const spans: { start: number; end: number }[] = c.members.filter((m) => onText(m.annotationId) && m.end > m.start);
  if (spans.length === 0 && c.claim && onText(c.claim.id) && c.claim.end > c.claim.start) spans.push(c.claim);
  if (spans.length === 0) return { ...c, start: 0, end: 0 };
  return { ...c, start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}
