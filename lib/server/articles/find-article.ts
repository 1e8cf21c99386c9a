import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/**
 * An article of the caller's team with its current (newest) version, or
 * NOT_FOUND. Another team's article is indistinguishable from a missing one.
 */
export async function findArticle(teamId: string, articleId: string): Promise<FoundArticle> {
  if (!teamId || !articleId) throw notFound("Article not found.");
  const article = await readArticle(teamId, articleId);
  const current = article?.versions[0];
  if (!article || !current) throw notFound("Article not found.");
  return { article, current };
}

/** What findArticle found: the article and its current version (with its text). */
export type FoundArticle = {
  article: NonNullable<Awaited<ReturnType<typeof readArticle>>>;
  current: NonNullable<Awaited<ReturnType<typeof readArticle>>>["versions"][number];
};

const readArticle = (teamId: string, articleId: string) =>
  db.article.findFirst({
    where: { id: articleId, teamId, deletedAt: null },
    include: { versions: { orderBy: { number: "desc" }, take: 1 } },
  });
