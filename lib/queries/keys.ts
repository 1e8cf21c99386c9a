/** react-query keys, in one place so invalidations match. */
import type { QueryClient } from "@tanstack/react-query";

export const queryKeys = {
  articles: () => ["articles"] as const,
  article: (id: string) => ["articles", id] as const,
  claims: (articleId: string) => ["articles", articleId, "claims"] as const,
  /** Under the article's key, so every article-wide invalidation (a decision, a round moving, a correction) refreshes it. */
  finalClaims: (articleId: string) => ["articles", articleId, "final-claims"] as const,
  /** Under the article's key: a correction or a decision refreshes what "publish again" would change. */
  publication: (articleId: string) => ["articles", articleId, "publication"] as const,
  /** The article's versions (and, below it, their comparisons). */
  versions: (articleId: string) => ["articles", articleId, "versions"] as const,
  me: () => ["me"] as const,
};

/** The article lists (the list page's pages and the pickers' list), not the articles under the same prefix. */
const isArticleList = (key: readonly unknown[]) => key[0] === "articles" && (key.length === 1 || key[1] === "page");

/**
 * Marks the article lists stale (their claim counts and review states): a
 * list on screen refetches; one not shown refetches when it is next shown.
 * The articles themselves (their text, claims, rounds) are left alone.
 */
export function invalidateArticleLists(qc: QueryClient): void {
  void qc.invalidateQueries({ predicate: (q) => isArticleList(q.queryKey) });
}

/**
 * Refreshes what a review's progress changes on one article (a round
 * started, a review submitted, a cluster decided): everything under its key
 * (claims, final claims, round, versions) but the article itself, whose
 * text a review never changes.
 */
export function invalidateArticleWork(qc: QueryClient, articleId: string): void {
  void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === "articles" && q.queryKey[1] === articleId && q.queryKey.length > 2 });
}

/**
 * Refreshes one article after a change that moves its claims (a correction,
 * an import): its own key prefixes its text, claims, final claims, versions
 * and round; the list (exact, so other articles stay cached) shows its counts.
 */
export function invalidateArticle(qc: QueryClient, articleId: string): void {
  void qc.invalidateQueries({ queryKey: queryKeys.article(articleId) });
  void qc.invalidateQueries({ queryKey: queryKeys.articles(), exact: true });
}
