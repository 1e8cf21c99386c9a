import type { DehydratedState, QueryKey } from "@tanstack/react-query";
import { queryKeys } from "@/lib/queries/keys";
import { compactClaims } from "@/lib/queries/compact-claims";
import { reviewKeys } from "@/lib/queries/review-keys";
import { getArticle } from "@/lib/server/articles/get-article";
import { findArticle } from "@/lib/server/articles/find-article";
import { listAllClaims } from "@/lib/server/claims/list-claims";
import { pageFinalClaims } from "@/lib/server/claims/list-final-claims";
import { getArticleRound } from "@/lib/server/reviews/get-article-round";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { pageState } from "./page-state";

/**
 * What the article page's first response holds for the viewer: the article with its text, every claim they may see, the final
 * claims (see below) and the review state, read in parallel and handed to react-query
 * under the keys the page's hooks read, so the browser paints the text and
 * highlights from the HTML and asks for none of it again. Blind review
 * applies as in the API: the same use cases, the same Viewer. Throws the
 * use cases' 404 for a missing or another team's article. The claims go as
 * compact rows (lib/queries/compact-claims.ts; the page's PageHydration
 * expands them): at 5,000 claims the full objects were 3.6 MB of the page.
 */
export async function articlePageState(viewer: Viewer, articleId: string): Promise<DehydratedState> {
  // The article and its 200,000-character text read once, not once per use case (each would read it again).
  const found = await findArticle(viewer.teamId, articleId);
  const [article, claims, finalClaims, round] = await Promise.all([
    getArticle(viewer, articleId, found),
    listAllClaims(viewer, articleId, found),
    pageFinalClaims(viewer.visibility, articleId, found),
    getArticleRound(viewer, articleId, found),
  ]);
  return pageState([
    [queryKeys.article(articleId), article],
    [
      queryKeys.claims(articleId),
      compactClaims(claims, { id: article.id, versionId: article.currentVersion.id, text: article.currentVersion.text }),
    ],
    // Left out when they are all editors' own annotations (pageFinalClaims): the page reads them after it has painted.
    ...(finalClaims ? [[queryKeys.finalClaims(articleId), finalClaims] as [QueryKey, unknown]] : []),
    [reviewKeys.articleRound(articleId), round],
  ]);
}
