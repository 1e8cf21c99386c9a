"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ArticleDto } from "@/lib/schemas/article";
import type { ArticleVersionDto, ReanchorSummary, VersionCompareDto } from "@/lib/schemas/article";
import { ApiError, apiFetch } from "./api-client";
import { invalidateArticle, queryKeys } from "./keys";

/** Keys under the article's own key, so invalidating the article refreshes them too. */
const versionKeys = {
  list: (articleId: string) => queryKeys.versions(articleId),
  compare: (articleId: string, from: number, to: number) => [...queryKeys.versions(articleId), from, to] as const,
};

export function useArticleVersions(articleId: string) {
  return useQuery({
    queryKey: versionKeys.list(articleId),
    queryFn: () => apiFetch<ArticleVersionDto[]>(`/api/articles/${articleId}/versions`),
  });
}

/** Two versions compared; asks nothing of the server for a version against itself (an article never corrected has only version 1). */
export function useVersionCompare(articleId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: versionKeys.compare(articleId, from ?? 0, to ?? 0),
    queryFn: () => apiFetch<VersionCompareDto>(`/api/articles/${articleId}/versions/compare?from=${from}&to=${to}`),
    enabled: from !== null && to !== null && from !== to,
  });
}

/**
 * POST /api/articles/{id}/versions. Not optimistic: every claim moves, and
 * only the server knows where. A 409 puts the current article in the cache
 * (the editor's text stays in the form).
 */
export function useCorrectArticle(articleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; text: string; reason: string }) =>
      apiFetch<{ article: ArticleDto; reanchored: ReanchorSummary }>(`/api/articles/${articleId}/versions`, {
        method: "POST",
        json: input,
      }),
    onSuccess: ({ article }) => qc.setQueryData(queryKeys.article(articleId), article),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.current)
        qc.setQueryData(queryKeys.article(articleId), error.current as ArticleDto);
    },
    // Every claim, final claim and the version list moved with the text.
    onSettled: () => invalidateArticle(qc, articleId),
  });
}
