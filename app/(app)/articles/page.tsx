import type { Metadata } from "next";
import Link from "next/link";
import { ArticleList } from "@/components/articles/article-list";

export const metadata: Metadata = { title: "Articles" };

export default function ArticlesPage() {
  return (
    <>
      <h1>Articles</h1>
      <p>
        <Link href="/articles/new" className="btn btn-primary">Add article</Link>
      </p>
      <ArticleList />
    </>
  );
}
