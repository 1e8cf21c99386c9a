import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { readLineKinds } from "@/lib/anchoring/line-kinds";
import { findArticle, type FoundArticle } from "./find-article";
import { articlePermissions } from "@/lib/policies/article";
import type { ArticleDto } from "@/lib/schemas/article";

/** The snapshot columns a DTO shows (never the body: it is downloaded on its own). */
export const SNAPSHOT_META = {
  id: true,
  requestedUrl: true,
  finalUrl: true,
  status: true,
  contentType: true,
  fetchedAt: true,
  size: true,
} as const;

/**
 * GET /api/articles/{id}: metadata (with where each field came from), the current version's canonical text, and the fetched
 * page's snapshot. `found`: the caller's findArticle of the same article and team, when it read it already (the article page).
 */
export async function getArticle(user: CurrentUser, articleId: string, found?: FoundArticle): Promise<ArticleDto> {
  const { article, current } = found ?? (await findArticle(user.teamId, articleId));
  const snapshot = await db.articleSnapshot.findFirst({ where: { articleId: article.id, teamId: user.teamId }, select: SNAPSHOT_META });
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    publishedDate: article.publishedDate,
    modifiedDate: article.modifiedDate,
    url: article.url,
    /** Where each metadata field came from: the page's statement ("og:title") or "editor". */
    metaSources: (article.metaSources ?? {}) as Record<string, string>,
    version: article.version,
    currentVersion: {
      id: current.id,
      number: current.number,
      text: current.text,
      lineKinds: readLineKinds(current.lineKinds, current.text.split("\n").length),
      textHash: current.textHash,
      length: current.length,
      createdAt: current.createdAt.toISOString(),
    },
    snapshot: snapshot ? { ...snapshot, fetchedAt: snapshot.fetchedAt.toISOString() } : null,
    /** What the caller may do with the article (lib/policies/article.ts). */
    can: articlePermissions(user),
  };
}

/** The article's details: {@link getArticle} without the current version's text (and its lines' kinds). */
export async function getArticleDetails(user: CurrentUser, articleId: string) {
  const { currentVersion, ...article } = await getArticle(user, articleId);
  const { text: _text, lineKinds: _kinds, ...version } = currentVersion;
  return { ...article, currentVersion: version };
}
