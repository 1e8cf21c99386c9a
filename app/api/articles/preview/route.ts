import { readJson, withUser } from "@/lib/api/handler";
import { previewArticleSchema, MAX_IMPORT_BODY_BYTES } from "@/lib/schemas/article";
import { previewArticle } from "@/lib/server/articles/preview-article";

/** The import's cleaned text and removed furniture, nothing saved. Body: `{ text }` or `{ file: { name, base64 } }` (at most 1 MiB of text), and `restore`. */
export const POST = withUser(async ({ req, user }) =>
  previewArticle(user, await readJson(req, previewArticleSchema, MAX_IMPORT_BODY_BYTES)),
);
