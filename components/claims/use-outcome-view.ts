"use client";
import { reviewsBlind } from "@/lib/schemas/review";
import { useMemo, useState } from "react";
import type { ViewerClaim } from "@/components/editor/article-viewer";
import { useFinalClaims } from "@/lib/queries/use-final-claims";
import { useArticleRound } from "@/lib/queries/use-reviews";
import type { SidePanelMode } from "./side-panel-tabs";

/**
 * The article page's choice between its annotations and its outcome (the
 * final claims). The Outcome tab is offered once a review has decided a
 * claim on this version, to every member: before that, the final claims are
 * at most editors' own annotations, which the Annotations view already shows.
 * A reviewer whose blind review of the article is open is not offered it, so
 * an earlier outcome does not steer the review. Once the latest round is
 * adjudicated, the Outcome tab is the one the page opens on.
 */
export function useOutcomeView(articleId: string) {
  const finalClaims = useFinalClaims(articleId);
  const round = useArticleRound(articleId).data?.round;
  // Until the person picks a tab: the outcome once the latest round is adjudicated (its result is what the desk reads then), else the annotations.
  const [chosen, setMode] = useState<SidePanelMode | null>(null);
  const blind = reviewsBlind(round);
  const available = !blind && !!finalClaims.data?.some((c) => c.source === "round");
  const adjudicated = round?.status === "adjudicated" || round?.status === "closed";

  const viewerClaims = useMemo<ViewerClaim[]>(
    // An orphaned claim (start = end) has nothing to highlight; its card still lists it.
    () =>
      (finalClaims.data ?? [])
        .filter((c) => c.end > c.start)
        .map((c) => ({ id: c.id, start: c.start, end: c.end, verdict: c.verdict, state: "saved" as const })),
    [finalClaims.data],
  );

  return {
    available,
    /** The latest round is adjudicated: the Outcome tab comes first and is the one shown until the person picks. */
    outcomeFirst: available && adjudicated,
    mode: available ? (chosen ?? (adjudicated ? "outcome" : "annotations")) : ("annotations" as const),
    setMode,
    claims: finalClaims.data ?? [],
    viewerClaims,
    loading: finalClaims.isPending,
    error: finalClaims.error?.message ?? null,
  };
}
