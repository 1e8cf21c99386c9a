"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ClaimDto } from "@/lib/schemas/claim";
import { apiFetch } from "./api-client";
import { queryKeys } from "./keys";
import { evidenceKeys } from "./use-evidence";
import { optimisticAnchor, type PlaceAnchorVars } from "./optimistic-anchor";

/**
 * PATCH /api/claims/{id}/anchor: confirm a drifted claim or re-place one.
 * Optimistic: the card leaves the attention list at once and comes back if
 * the server refuses (a 409 puts the server's claim in the cache).
 */
export function usePlaceAnchor(articleId: string) {
  const qc = useQueryClient();
  const key = queryKeys.claims(articleId);
  const { put, onMutate, onError } = optimisticAnchor<ClaimDto>(qc, key);
  return useMutation({
    mutationFn: ({ claim, ...rest }: PlaceAnchorVars<ClaimDto>) =>
      apiFetch<ClaimDto>(`/api/claims/${claim.id}/anchor`, { method: "PATCH", json: { version: claim.version, ...rest } }),
    onMutate,
    // The server's answer is the claim: nothing else to read.
    onSuccess: put,
    onError,
    // The claim's words may have changed, and its date warnings with them (the claim itself is the answer).
    onSettled: (_data, _error, { claim }) => void qc.invalidateQueries({ queryKey: evidenceKeys.claim(claim.id) }),
  });
}
