import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** A round of the team (with its assignments), or NOT_FOUND: another team's round is indistinguishable from a missing one. */
export async function findRound(teamId: string, roundId: string) {
  if (!teamId || !roundId) throw notFound("Review round not found.");
  const round = await db.reviewRound.findFirst({
    // A round of a deleted article is gone with it.
    where: { id: roundId, teamId, article: { deletedAt: null } },
    include: { assignments: true, article: { select: { id: true, title: true } } },
  });
  if (!round) throw notFound("Review round not found.");
  return round;
}
