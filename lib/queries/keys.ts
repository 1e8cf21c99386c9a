/** react-query keys, in one place so invalidations match. */
export const queryKeys = {
  articles: () => ["articles"] as const,
  article: (id: string) => ["articles", id] as const,
  claims: (articleId: string) => ["articles", articleId, "claims"] as const,
  me: () => ["me"] as const,
};
