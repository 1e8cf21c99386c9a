import { readJson, readQuery, withUser } from "@/lib/api/handler";
import { articleReadQuerySchema, articleVersionSchema, updateArticleMetaSchema } from "@/lib/schemas/article";
import { getArticle, getArticleDetails } from "@/lib/server/articles/get-article";
import { updateArticleMeta } from "@/lib/server/articles/update-article-meta";
import { setArticleDeleted } from "@/lib/server/articles/delete-article";

/** The article with its current text, or `?text=0` without it. */
export const GET = withUser<{ articleId: string }>(({ req, user, params }) =>
  readQuery(req, articleReadQuerySchema).text === "0" ? getArticleDetails(user, params.articleId) : getArticle(user, params.articleId),
);

/** Change the article's metadata: the fields to change and the `version` read (409 with `current` when stale). */
export const PATCH = withUser<{ articleId: string }>(async ({ req, user, params }) =>
  updateArticleMeta(user, params.articleId, await readJson(req, updateArticleMetaSchema)),
);

/** Delete the article (a tombstone): `?version=N`. */
export const DELETE = withUser<{ articleId: string }>(({ req, user, params }) =>
  setArticleDeleted(user, params.articleId, readQuery(req, articleVersionSchema).version, true),
);
