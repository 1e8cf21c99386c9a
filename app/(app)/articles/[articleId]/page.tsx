import { ArticleWorkspace } from "./article-workspace";

export default async function ArticlePage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  return <ArticleWorkspace articleId={articleId} />;
}
