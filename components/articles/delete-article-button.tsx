"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ArticleDto } from "@/lib/schemas/article";
import { useSetArticleDeleted } from "@/lib/queries/use-articles";
import { FormError } from "@/components/ui/form-error";

/** Delete an article, after saying what goes with it. An admin can restore it from the article list. */
export function DeleteArticleButton({ article }: { article: ArticleDto }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useSetArticleDeleted(article.id);
  if (!confirming)
    return (
      <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
        Delete article
      </button>
    );
  return (
    <div role="alertdialog" aria-label="Delete this article?" className="confirm-box">
      <p>Delete this article? Its claims, reviews and reports leave every list and export. An admin can restore it.</p>
      <FormError error={remove.error} />
      <button
        type="button"
        className="btn btn-danger"
        disabled={remove.isPending}
        onClick={() => remove.mutate({ version: article.version, deleted: true }, { onSuccess: () => router.push("/articles") })}
      >
        {remove.isPending ? "Deleting…" : "Delete"}
      </button>{" "}
      <button type="button" className="btn" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </div>
  );
}
