import { readJson, readQuery, withUser } from "@/lib/api/handler";
import { findArticlePage } from "@/lib/server/articles/list-articles";
import { createArticleSchema, listArticlesSchema, MAX_IMPORT_BODY_BYTES } from "@/lib/schemas/article";
import { createArticle } from "@/lib/server/articles/create-article";
import { jsonResponse } from "@/lib/api/json-response";

/** The team's articles: `?q=&outlet=&from=&to=&review=&disputed=1&sort=date|title|claims&dir=&page=&pageSize=` (admins: `&deleted=1`). The body is the page's rows; X-Total-Count says how many match. */
export const GET = withUser(async ({ req, viewer }) => {
  const page = await findArticlePage(await viewer(), readQuery(req, listArticlesSchema));
  return jsonResponse(page.items, {
    headers: { "X-Total-Count": String(page.total), "X-Page": String(page.page), "X-Page-Size": String(page.pageSize) },
  });
});

/** Import an article: `{ text } | { file: { name, base64 } } | { snapshotId }`, metadata, and the choices (`restore`, `drop`). */
export const POST = withUser(async ({ req, user }) => {
  const input = await readJson(req, createArticleSchema, MAX_IMPORT_BODY_BYTES);
  return jsonResponse(await createArticle(user, input), { status: 201 });
});
