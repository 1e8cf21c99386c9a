"use client";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { ApiError } from "./api-client";

/** What a claim list item needs for an anchor update: an annotation (ClaimDto) or a final claim. */
type Placeable = { id: string; start: number; end: number; anchorState?: string; anchorScore?: number | null };

/** Confirm a drifted claim, or re-place it on [start, end) of the current text (code points). */
export type PlaceAnchorVars<T> = { claim: T } & ({ confirm: true } | { start: number; end: number });

/**
 * The optimistic cache handling shared by the anchor mutations
 * (use-claim-anchor.ts, use-final-claim-anchor.ts) for the list under `key`:
 * the claim shows as anchored (at its new place) at once, goes back if the
 * server refuses, and a 409 puts the server's current claim in the list
 * when `conflictFits` says it is of the list's kind.
 */
export function optimisticAnchor<T extends Placeable>(
  qc: QueryClient,
  key: QueryKey,
  conflictFits: (v: PlaceAnchorVars<T>) => boolean = () => true,
) {
  const put = (claim: T) => qc.setQueryData<T[]>(key, (list = []) => list.map((c) => (c.id === claim.id ? claim : c)));
  return {
    put,
    onMutate: async (v: PlaceAnchorVars<T>) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<T[]>(key);
      const span = "confirm" in v ? {} : { start: v.start, end: v.end };
      put({ ...v.claim, ...span, anchorState: "anchored", anchorScore: null });
      return { previous };
    },
    onError: (error: Error, v: PlaceAnchorVars<T>, ctx: { previous?: T[] } | undefined) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
      if (error instanceof ApiError && error.status === 409 && error.current && conflictFits(v)) put(error.current as T);
    },
  };
}
