"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ArticleDto } from "@/lib/schemas/article";
import type { ArticleMeta, ImportPreviewDto, ImportSource, SnapshotDto } from "@/lib/schemas/article";
import { apiFetch } from "./api-client";
import { queryKeys } from "./keys";

/** Where an import's text comes from, as the form holds it: pasted text, a file, or a page fetched by URL. */
export type ClientImportSource = ImportSource | { snapshotId: string };

/** The user's choices over a preview. */
export type ImportChoicesInput = { restore: number[]; drop: number[] };

/** POST /api/articles/preview: the cleaned text, every line, the removed furniture and the metadata found; nothing saved. */
export function usePreviewArticle() {
  return useMutation({
    mutationFn: (input: ClientImportSource & ImportChoicesInput) =>
      apiFetch<ImportPreviewDto>("/api/articles/preview", { method: "POST", json: input }),
  });
}

/** POST /api/articles/fetch: the server fetches a page and keeps it as a snapshot to import. */
export function useFetchArticle() {
  return useMutation({
    mutationFn: (url: string) => apiFetch<SnapshotDto>("/api/articles/fetch", { method: "POST", json: { url } }),
  });
}

/** POST /api/articles: saves the import; the article list refetches. Not optimistic: nothing to show until the server has the text. */
export function useCreateArticle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ClientImportSource & ArticleMeta & ImportChoicesInput) =>
      apiFetch<ArticleDto>("/api/articles", { method: "POST", json: input }),
    onSuccess: (article) => {
      qc.setQueryData(queryKeys.article(article.id), article);
      void qc.invalidateQueries({ queryKey: queryKeys.articles() });
    },
  });
}
