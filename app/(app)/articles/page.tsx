import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ArticleList } from "@/components/articles/article-list";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canRestoreArticle } from "@/lib/policies/article";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  const user = await getCurrentUser();
  return (
    <>
      <h1>Articles</h1>
      <p>
        <Link href="/articles/new" className="btn btn-primary">
          Add article
        </Link>
      </p>
      <Suspense fallback={<p className="muted">Loading articles…</p>}>
        <ArticleList isAdmin={!!user && canRestoreArticle(user)} />
      </Suspense>
    </>
  );
}
