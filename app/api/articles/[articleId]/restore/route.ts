import { readJson, withUser } from "@/lib/api/handler";
import { articleVersionSchema } from "@/lib/schemas/article";
import { setArticleDeleted } from "@/lib/server/articles/delete-article";

/** Restore a deleted article (admins): `{ version }`. */
export const POST = withUser<{ articleId: string }>(async ({ req, user, params }) =>
  setArticleDeleted(user, params.articleId, (await readJson(req, articleVersionSchema)).version, false),
);
