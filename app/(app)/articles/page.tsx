import type { Metadata } from "next";
import { ArticleList } from "@/components/articles/article-list";

export const metadata: Metadata = { title: "Articles" };

export default function ArticlesPage() {
  return (
    <>
      <h1>Articles</h1>
      <ArticleList />
    </>
  );
}
