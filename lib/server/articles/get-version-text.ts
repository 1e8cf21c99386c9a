import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { findArticle } from "./find-article";

/**
 * GET /api/articles/{id}/versions/{number}: one version's canonical text, the
 * text every offset counts in (exports name it as the W3C TimeState `cached` copy).
 */
export async function getVersionText(teamId: string, articleId: string, number: string) {
  if (!/^[1-9]\d{0,6}$/.test(number))
    throw new AppError("INVALID_INPUT", "The version number is a positive whole number.", { field: "number" });
  const { article } = await findArticle(teamId, articleId);
  const version = await db.articleVersion.findFirst({
    where: { articleId: article.id, number: Number(number) },
    select: { number: true, text: true, textHash: true },
  });
  if (!version) throw notFound("Version not found.");
  return version;
}
