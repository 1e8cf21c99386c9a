import type { RoundDetailDto } from "@/lib/schemas/review";
import { db } from "@/lib/db";

/**
 * The article version a round's results are shown on, and the one it reviewed.
 * `number` and `reviewedNumber` differ once a correction has moved the round's
 * claims and annotations (docs/corrections.md, "Review rounds").
 */
type RoundTextVersion = RoundDetailDto["textVersion"];

/**
 * Which version to show a round's results on: the newest of the versions
 * its rows are on now (`rowVersionIds`: its final claims, and for the round
 * page its annotations too), else the version it reviewed. All of a round's
 * rows move together, so that is one version: the reviewed one until a
 * correction, the current one after it. Rows on any other version (claims
 * left behind by corrections before Claim rows were re-anchored) must not be
 * drawn at its offsets; the callers treat them as unplaced.
 *
 * Used by the round report (load-report.ts) and the round page (get-round.ts),
 * so both draw on the same text.
 */
export async function roundTextVersion(
  teamId: string,
  round: { articleId: string; versionId: string },
  rowVersionIds: Iterable<string>,
): Promise<RoundTextVersion> {
  const ids = [...new Set([round.versionId, ...rowVersionIds])];
  const versions = await db.articleVersion.findMany({
    where: { id: { in: ids }, articleId: round.articleId, article: { teamId } },
    select: { id: true, number: true },
    orderBy: { number: "desc" },
  });
  const reviewed = versions.find((v) => v.id === round.versionId);
  if (!reviewed) throw new Error(`Round version ${round.versionId} is not a version of article ${round.articleId}.`);
  const shown = versions[0]!;
  return { id: shown.id, number: shown.number, reviewedNumber: reviewed.number };
}
