/** react-query keys, in one place so invalidations match. */
export const queryKeys = {
  articles: () => ["articles"] as const,
  article: (id: string) => ["articles", id] as const,
  claims: (articleId: string) => ["articles", articleId, "claims"] as const,
  /** Under the article's key, so every article-wide invalidation (a decision, a round moving, a correction) refreshes it. */
  finalClaims: (articleId: string) => ["articles", articleId, "final-claims"] as const,
  me: () => ["me"] as const,
};
