import { readJson, withUser } from "@/lib/api/handler";
import { fetchArticleSchema } from "@/lib/schemas/article";
import { fetchArticle } from "@/lib/server/articles/fetch-article";
import { jsonResponse } from "@/lib/api/json-response";

/** Fetch a page to import: `{ url }`. Answers 201 with the snapshot; refusals (address, redirects, size, time, type) are 400s naming `url`. */
export const POST = withUser(async ({ req, user }) =>
  jsonResponse(await fetchArticle(user, await readJson(req, fetchArticleSchema)), { status: 201 }),
);
