"use client";
import { useQuery } from "@tanstack/react-query";
import type { ArticleListItem } from "@/lib/server/articles/list-articles";
import type { ArticleDto } from "@/lib/server/articles/get-article";
import { apiFetch } from "./api-client";
import { queryKeys } from "./keys";

export function useArticles() {
  return useQuery({ queryKey: queryKeys.articles(), queryFn: () => apiFetch<ArticleListItem[]>("/api/articles") });
}

export function useArticle(articleId: string) {
  return useQuery({ queryKey: queryKeys.article(articleId), queryFn: () => apiFetch<ArticleDto>(`/api/articles/${articleId}`) });
}
