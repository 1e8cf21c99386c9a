import type { Metadata } from "next";
import { HydrationBoundary } from "@tanstack/react-query";
import { RoundView } from "@/components/review/round-view";
import { reviewKeys } from "@/lib/queries/review-keys";
import { onePageState } from "@/lib/server/pages/page-state";
import { getRound } from "@/lib/server/reviews/get-round";

export const metadata: Metadata = { title: "Review" };

/** The review round page, rendered with the round for the viewer (blind review applied by getRound). */
export default async function RoundPage({ params }: { params: Promise<{ roundId: string }> }) {
  const { roundId } = await params;
  const state = await onePageState(reviewKeys.round(roundId), (viewer) => getRound(viewer, roundId));
  return (
    <HydrationBoundary state={state}>
      <RoundView roundId={roundId} />
    </HydrationBoundary>
  );
}
