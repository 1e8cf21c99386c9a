"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ClaimDto } from "@/lib/schemas/claim";
import { ApiError, apiFetch } from "./api-client";
import { queryKeys } from "./keys";

type Place = { claim: ClaimDto } & ({ confirm: true } | { start: number; end: number });

/**
 * PATCH /api/claims/{id}/anchor: confirm a drifted claim or re-place one.
 * Optimistic: the card leaves the attention list at once and comes back if
 * the server refuses (a 409 puts the server's claim in the cache).
 */
export function usePlaceAnchor(articleId: string) {
  const qc = useQueryClient();
  const key = queryKeys.claims(articleId);
  const put = (claim: ClaimDto) => qc.setQueryData<ClaimDto[]>(key, (list = []) => list.map((c) => (c.id === claim.id ? claim : c)));
  return useMutation({
    mutationFn: ({ claim, ...rest }: Place) =>
      apiFetch<ClaimDto>(`/api/claims/${claim.id}/anchor`, { method: "PATCH", json: { version: claim.version, ...rest } }),
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<ClaimDto[]>(key);
      const span = "confirm" in v ? {} : { start: v.start, end: v.end };
      put({ ...v.claim, ...span, anchorState: "anchored", anchorScore: null });
      return { previous };
    },
    onSuccess: put,
    onError: (error, _v, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
      if (error instanceof ApiError && error.status === 409 && error.current) put(error.current as ClaimDto);
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: key }),
  });
}
