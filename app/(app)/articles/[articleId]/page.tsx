import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { articlePageState } from "@/lib/server/pages/article-page";
import { pageViewer } from "@/lib/server/pages/page-state";
import { PageHydration } from "@/components/ui/page-hydration";
import { ArticleWorkspace } from "./article-workspace";

/** The article page, rendered with its text, highlights and side panel for the viewer (no request before paint). */
export default async function ArticlePage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  const viewer = await pageViewer();
  // Another team's article is a plain 404, the same as a missing one.
  const state =
    viewer &&
    (await articlePageState(viewer, articleId).catch((e) => (e instanceof AppError && e.status === 404 ? null : Promise.reject(e))));
  if (!state) notFound();
  return (
    <PageHydration state={state}>
      <ArticleWorkspace articleId={articleId} />
    </PageHydration>
  );
}
