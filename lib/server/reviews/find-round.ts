import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { articleLeads } from "@/lib/server/articles/article-leads";

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

/**
 * `round` with its article's lead (its first words when it has no title,
 * ./article-leads.ts), for the notices that name it as its lists do. One
 * query, and none for a titled article; read before the caller's transaction.
 */
export async function withArticleLead<R extends { articleId: string; article: { id: string; title: string | null } }>(
  teamId: string,
  round: R,
) {
  const lead = (await articleLeads(teamId, [round.article])).get(round.articleId) ?? null;
  return { ...round, article: { ...round.article, lead } };
}
