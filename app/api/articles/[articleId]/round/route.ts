import { withUser } from "@/lib/api/handler";
import { getArticleRound } from "@/lib/server/reviews/get-article-round";

/** GET /api/articles/{id}/round: the article's review state for its workspace. */
export const GET = withUser<{ articleId: string }>(async ({ params, viewer }) => getArticleRound(await viewer(), params.articleId));
