import type { Metadata } from "next";
import { NewArticleForm } from "@/components/articles/new-article-form";

export const metadata: Metadata = { title: "Add article" };

export default function NewArticlePage() {
  return (
    <>
      <h1>Add an article</h1>
      <NewArticleForm />
    </>
  );
}
