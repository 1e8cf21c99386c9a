import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/**
 * An article of the caller's team with its current (newest) version, or
 * NOT_FOUND. Another team's article is indistinguishable from a missing one.
 */
export async function findArticle(teamId: string, articleId: string) {
  if (!teamId || !articleId) throw notFound("Article not found.");
  const article = await db.article.findFirst({
    where: { id: articleId, teamId, deletedAt: null },
    include: { versions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const current = article?.versions[0];
  if (!article || !current) throw notFound("Article not found.");
  return { article, current };
}
