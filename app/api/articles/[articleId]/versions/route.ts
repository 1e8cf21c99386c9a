import { readJson, withUser } from "@/lib/api/handler";
import { correctArticleSchema, MAX_IMPORT_BODY_BYTES } from "@/lib/schemas/article";
import { listVersions } from "@/lib/server/articles/list-versions";
import { correctArticle } from "@/lib/server/articles/correct-article";
import { jsonResponse } from "@/lib/api/json-response";

export const GET = withUser<{ articleId: string }>(({ user, params }) => listVersions(user, params.articleId));

/** A correction: `{ version, text }`, `version` being the article version the editor started from (409 when stale). */
export const POST = withUser<{ articleId: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, correctArticleSchema, MAX_IMPORT_BODY_BYTES);
  return jsonResponse(await correctArticle(user, params.articleId, input), { status: 201 });
});
