import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/api/handler";
import { listArticles } from "@/lib/server/articles/list-articles";
import { createArticleSchema, MAX_IMPORT_BODY_BYTES } from "@/lib/schemas/article";
import { createArticle } from "@/lib/server/articles/create-article";

export const GET = withUser(async ({ viewer }) => listArticles(await viewer()));

/** Import an article: `{ text } | { file: { name, base64 } }`, metadata, and the removed blocks to `restore`. */
export const POST = withUser(async ({ req, user }) => {
  const input = await readJson(req, createArticleSchema, MAX_IMPORT_BODY_BYTES);
  return NextResponse.json(await createArticle(user, input), { status: 201 });
});
