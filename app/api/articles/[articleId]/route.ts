import { withUser } from "@/lib/api/handler";
import { getArticle } from "@/lib/server/articles/get-article";

export const GET = withUser<{ articleId: string }>(({ user, params }) => getArticle(user, params.articleId));
