import type { Metadata } from "next";
import { requirePageArticle } from "@/lib/server/pages/page-state";
import { CorrectionForm } from "@/components/articles/correction-form";

export const metadata: Metadata = { title: "Correct article" };

export default async function CorrectArticlePage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  await requirePageArticle(articleId);
  return (
    <>
      <h1>Correct the text</h1>
      <CorrectionForm articleId={articleId} />
    </>
  );
}
