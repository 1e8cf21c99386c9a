/** react-query keys of team review, in one place so live events and mutations invalidate the same ones. */
export const reviewKeys = {
  all: () => ["reviews"] as const,
  list: () => ["reviews", "list"] as const,
  round: (roundId: string) => ["reviews", "round", roundId] as const,
  roundAgreement: (roundId: string) => ["reviews", "round", roundId, "agreement"] as const,
  teamAgreement: () => ["reviews", "team-agreement"] as const,
  /** Under the article's key, so an article-wide invalidation refreshes it too. */
  articleRound: (articleId: string) => ["articles", articleId, "round"] as const,
  queue: () => ["queue"] as const,
  members: () => ["team", "members"] as const,
  comments: (threadId: string) => ["comments", threadId] as const,
  notifications: () => ["notifications"] as const,
  /** The claim cards' discussion counts, under the article's key. */
  discussions: (articleId: string) => ["articles", articleId, "discussions"] as const,
  notificationSettings: () => ["account", "notifications"] as const,
};
