"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ArticleListItem } from "@/lib/schemas/article";
import type { ArticleDto } from "@/lib/schemas/article";
import type { ArticleMeta, ListArticlesQuery } from "@/lib/schemas/article";
import { ApiError, apiFetch } from "./api-client";
import { invalidateArticleLists, queryKeys } from "./keys";

/** The list's search, filters, sort and page, as the page's URL holds them. */
export type ArticleListParams = Partial<Record<keyof ListArticlesQuery, string>>;

const queryString = (params: ArticleListParams) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  return search.size ? `?${search}` : "";
};

/** The most recent articles (the first 100): for pickers such as the start-round form. */
export function useArticles() {
  return useQuery({ queryKey: queryKeys.articles(), queryFn: () => apiFetch<ArticleListItem[]>("/api/articles?pageSize=100") });
}

/** One page of the article list, with how many articles match (X-Total-Count). The previous page stays on screen while the next loads. */
export function useArticlePage(params: ArticleListParams) {
  return useQuery({
    queryKey: [...queryKeys.articles(), "page", params],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const res = await fetch(`/api/articles${queryString(params)}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const body = (await res.json().catch(() => null)) as ArticleListItem[] | { error?: string; field?: string } | null;
      if (!res.ok || !Array.isArray(body)) {
        const err = body && !Array.isArray(body) ? body : null;
        throw new ApiError(err?.error ?? `Request failed (${res.status}).`, res.status, err?.field);
      }
      return { items: body, total: Number(res.headers.get("X-Total-Count") ?? body.length) };
    },
  });
}

export function useArticle(articleId: string) {
  return useQuery({ queryKey: queryKeys.article(articleId), queryFn: () => apiFetch<ArticleDto>(`/api/articles/${articleId}`) });
}

/** PATCH /api/articles/{id}: new details; a 409 puts the server's article in the cache so the form shows it. */
export function useUpdateArticleMeta(articleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ArticleMeta> & { version: number }) =>
      apiFetch<ArticleDto>(`/api/articles/${articleId}`, { method: "PATCH", json: input }),
    onSuccess: (article) => {
      qc.setQueryData(queryKeys.article(articleId), article);
      invalidateArticleLists(qc);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409 && e.current) qc.setQueryData(queryKeys.article(articleId), e.current);
    },
  });
}

/** DELETE /api/articles/{id} (a tombstone) and POST /api/articles/{id}/restore. */
export function useSetArticleDeleted(articleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ version, deleted }: { version: number; deleted: boolean }) =>
      deleted
        ? apiFetch<{ id: string; version: number }>(`/api/articles/${articleId}?version=${version}`, { method: "DELETE" })
        : apiFetch<{ id: string; version: number }>(`/api/articles/${articleId}/restore`, { method: "POST", json: { version } }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: queryKeys.article(articleId) });
      void qc.invalidateQueries({ queryKey: queryKeys.articles() });
    },
  });
}
