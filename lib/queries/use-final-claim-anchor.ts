"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FinalClaim } from "@/lib/schemas/final-claim";
import { apiFetch } from "./api-client";
import { queryKeys } from "./keys";
import { putClaim } from "./claims-cache";
import type { ClaimDto } from "@/lib/schemas/claim";
import { optimisticAnchor, type PlaceAnchorVars } from "./optimistic-anchor";

/**
 * Confirm a drifted final claim or re-place it, from the Outcome panel. A
 * round's claim goes to PATCH /api/final-claims/{id}/anchor; an editor's
 * claim outside rounds is their annotation, so it goes to
 * PATCH /api/claims/{id}/anchor. Optimistic: the card loses its badge at
 * once and gets it back if the server refuses (a 409 puts the server's
 * final claim in the cache). Afterwards the final claims are refetched; an
 * editor's claim is one of the annotations too, and its answer goes there.
 */
export function usePlaceFinalClaimAnchor(articleId: string) {
  const qc = useQueryClient();
  const key = queryKeys.finalClaims(articleId);
  const fromRound = (v: PlaceAnchorVars<FinalClaim>) => v.claim.source === "round";
  const { put, onMutate, onError } = optimisticAnchor<FinalClaim>(qc, key, fromRound);
  return useMutation({
    mutationFn: ({ claim, ...rest }: PlaceAnchorVars<FinalClaim>) => {
      const url = claim.source === "round" ? `/api/final-claims/${claim.id}/anchor` : `/api/claims/${claim.id}/anchor`;
      return apiFetch<unknown>(url, { method: "PATCH", json: { version: claim.version, ...rest } });
    },
    onMutate,
    // The editor's endpoint answers a ClaimDto, not a final claim: the refetch brings that one.
    onSuccess: (saved, v) => (fromRound(v) ? put(saved as FinalClaim) : putClaim(qc, saved as ClaimDto)),
    onError,
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}
