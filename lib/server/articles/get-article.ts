import type { CurrentUser } from "@/lib/auth/current-user";
import { findArticle } from "./find-article";
import { articlePermissions } from "@/lib/policies/article";

/** GET /api/articles/{id}: metadata and the current version's canonical text. */
export async function getArticle(user: CurrentUser, articleId: string) {
  const { article, current } = await findArticle(user.teamId, articleId);
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    publishedDate: article.publishedDate,
    url: article.url,
    version: article.version,
    currentVersion: { id: current.id, number: current.number, text: current.text, textHash: current.textHash, length: current.length, createdAt: current.createdAt.toISOString() },
    /** What the caller may do with the article (lib/policies/article.ts). */
    can: articlePermissions(user),
  };
}
export type ArticleDto = Awaited<ReturnType<typeof getArticle>>;
