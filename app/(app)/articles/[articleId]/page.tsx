import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findArticle } from "@/lib/server/articles/find-article";
import { AppError } from "@/lib/errors";
import { ArticleWorkspace } from "./article-workspace";

export default async function ArticlePage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  const user = await getCurrentUser();
  // Another team's article is a plain 404, the same as a missing one.
  const found = user && (await findArticle(user.teamId, articleId).catch((e) => (e instanceof AppError ? null : Promise.reject(e))));
  if (!found) notFound();
  return <ArticleWorkspace articleId={articleId} />;
}
