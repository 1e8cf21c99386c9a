import type { Viewer } from "@/lib/server/visibility/viewer";
import type { ArticleRoundDto } from "@/lib/schemas/review";
import { canStartRound } from "@/lib/policies/round";
import { findArticle, type FoundArticle } from "@/lib/server/articles/find-article";
import { listOutcomes } from "./list-outcomes";
import { loadRoundSummaries } from "./round-summaries";

/**
 * GET /api/articles/{id}/round: the review state the article workspace shows:
 * the open round the caller reviews in, else the article's latest round; and
 * how the caller's round annotations on it were decided (card badges).
 * `found`: the caller's findArticle of the same article and team (the article page reads it once).
 */
export async function getArticleRound(user: Viewer, articleId: string, found?: FoundArticle): Promise<ArticleRoundDto> {
  const { article } = found ?? (await findArticle(user.teamId, articleId));
  const [mine] = await loadRoundSummaries(
    user,
    { articleId: article.id, status: "open", assignments: { some: { reviewerId: user.id } } },
    1,
  );
  const round = mine ?? (await loadRoundSummaries(user, { articleId: article.id }, 1))[0] ?? null;
  const outcomes = await listOutcomes(user, { articleId: article.id });
  const busy = round?.status === "open" || round?.status === "revealed";
  return { round, outcomes: Object.fromEntries(outcomes.map((o) => [o.annotationId, o])), canStart: canStartRound(user) && !busy };
}
