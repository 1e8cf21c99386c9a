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
  me: () => ["me"] as const,
};

/**
 * Refreshes one article after a change that moves its claims (a correction,
 * an import): its own key prefixes its text, claims, final claims, versions
 * and round; the list (exact, so other articles stay cached) shows its counts.
 */
export function invalidateArticle(qc: QueryClient, articleId: string): void {
  void qc.invalidateQueries({ queryKey: queryKeys.article(articleId) });
  void qc.invalidateQueries({ queryKey: queryKeys.articles(), exact: true });
}
