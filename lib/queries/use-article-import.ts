"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ArticleDto } from "@/lib/server/articles/get-article";
import type { ArticleMeta, ImportPreviewDto, ImportSource } from "@/lib/schemas/article";
import { apiFetch } from "./api-client";
import { queryKeys } from "./keys";

/** POST /api/articles/preview: the cleaned text and the removed furniture, nothing saved. */
export function usePreviewArticle() {
  return useMutation({
    mutationFn: (input: ImportSource & { restore: number[] }) => apiFetch<ImportPreviewDto>("/api/articles/preview", { method: "POST", json: input }),
  });
}

/** POST /api/articles: saves the import; the article list refetches. Not optimistic: nothing to show until the server has the text. */
export function useCreateArticle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportSource & ArticleMeta & { restore: number[] }) => apiFetch<ArticleDto>("/api/articles", { method: "POST", json: input }),
    onSuccess: (article) => {
      qc.setQueryData(queryKeys.article(article.id), article);
      void qc.invalidateQueries({ queryKey: queryKeys.articles() });
    },
  });
}
