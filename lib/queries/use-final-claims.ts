"use client";
import { useQuery } from "@tanstack/react-query";
import type { FinalClaim } from "@/lib/schemas/final-claim";
import { apiFetch } from "./api-client";
import { queryKeys } from "./keys";

/**
 * The article's final claims on its current version (decided round clusters,
 * and editors' annotations outside rounds), in text order as the server sends
 * them, so the numbers match the article's report.
 */
export function useFinalClaims(articleId: string) {
  return useQuery({
    queryKey: queryKeys.finalClaims(articleId),
    queryFn: () => apiFetch<FinalClaim[]>(`/api/articles/${articleId}/final-claims`),
  });
}
