/**
 * Links that open a claim and, with `discuss`, its discussion: what
 * notifications and e-mails point at, built on the server and read by the
 * pages (components/discussion/use-deep-link.ts). One place for both, so a
 * link and the page that reads it cannot drift apart.
 *
 * - `/articles/{a}?claim={annotation}` opens the article at that claim (its
 *   card selected, its words highlighted);
 * - `/articles/{a}?final={claim}` the same on the Outcome tab, for a final claim;
 * - `/reviews/{round}?cluster={cluster}#cluster-card-{cluster}` the review page at that cluster (the browser scrolls to it);
 * - `&discuss=1` opens the discussion too, `&comment={id}` marks one comment in it.
 */
export type DeepLink = { claim: string | null; final: string | null; cluster: string | null; discuss: boolean; comment: string | null };

type Opts = { discuss?: boolean; commentId?: string | null };

const query = (key: "claim" | "final" | "cluster", id: string, opts: Opts) => {
  const q = new URLSearchParams({ [key]: id });
  if (opts.discuss || opts.commentId) q.set("discuss", "1");
  if (opts.commentId) q.set("comment", opts.commentId);
  return q.toString();
};

/** The article page at one annotation (any member's claim). */
export const claimLink = (articleId: string, annotationId: string, opts: Opts = {}) =>
  `/articles/${encodeURIComponent(articleId)}?${query("claim", annotationId, opts)}`;
/** The article page's Outcome tab at one final claim. */
export const finalClaimLink = (articleId: string, claimId: string, opts: Opts = {}) =>
  `/articles/${encodeURIComponent(articleId)}?${query("final", claimId, opts)}`;
/** The review page at one cluster. */
export const clusterLink = (roundId: string, clusterId: string, opts: Opts = {}) =>
  `/reviews/${encodeURIComponent(roundId)}?${query("cluster", clusterId, opts)}#cluster-card-${encodeURIComponent(clusterId)}`;

const id = (v: string | null) => (v && v.length <= 64 ? v : null);

/** What a page's search parameters ask it to open. */
export function readDeepLink(params: Pick<URLSearchParams, "get">): DeepLink {
  return {
    claim: id(params.get("claim")),
    final: id(params.get("final")),
    cluster: id(params.get("cluster")),
    // A link to one comment opens its discussion, with or without `discuss=1`.
    discuss: params.get("discuss") === "1" || !!id(params.get("comment")),
    comment: id(params.get("comment")),
  };
}
