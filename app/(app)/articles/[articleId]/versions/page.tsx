import type { Metadata } from "next";
import { requirePageArticle } from "@/lib/server/pages/page-state";
import { VersionCompare } from "@/components/articles/version-compare";

export const metadata: Metadata = { title: "Versions" };

export default async function ArticleVersionsPage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  await requirePageArticle(articleId);
  return (
    <>
      <h1>Versions</h1>
      <VersionCompare articleId={articleId} />
    </>
  );
}
