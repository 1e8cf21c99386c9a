"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PublicationDto, PublishInput, RetractInput } from "@/lib/schemas/publication";
import { ApiError, apiFetch } from "./api-client";
import { queryKeys } from "./keys";

const url = (articleId: string) => `/api/articles/${encodeURIComponent(articleId)}/publication`;

/** Whether and where the article's fact-check is published. */
export function usePublication(articleId: string, enabled = true) {
  return useQuery({ queryKey: queryKeys.publication(articleId), queryFn: () => apiFetch<PublicationDto>(url(articleId)), enabled });
}

/**
 * Publish, publish again, or withdraw. Not optimistic: the server decides
 * what the public page shows. The answer (or, on a 409, the current state it
 * carries) replaces the cached publication, so a stale form shows what is
 * public now while the note typed stays in its field.
 */
function usePublicationMutation<I>(articleId: string, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => apiFetch<PublicationDto>(`${url(articleId)}${path}`, { method: "POST", json: input }),
    onSuccess: (dto) => qc.setQueryData(queryKeys.publication(articleId), dto),
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409 && e.current)
        qc.setQueryData(queryKeys.publication(articleId), e.current as PublicationDto);
    },
  });
}

/** POST /api/articles/{id}/publication. */
export const usePublish = (articleId: string) => usePublicationMutation<PublishInput>(articleId, "");
/** POST /api/articles/{id}/publication/retract. */
export const useRetract = (articleId: string) => usePublicationMutation<RetractInput>(articleId, "/retract");
