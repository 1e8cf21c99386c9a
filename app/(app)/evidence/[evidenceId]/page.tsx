import type { Metadata } from "next";
import { HydrationBoundary } from "@tanstack/react-query";
import { EvidenceDetail } from "@/components/evidence/evidence-detail";
import { evidenceKeys } from "@/lib/queries/evidence-keys";
import { onePageState } from "@/lib/server/pages/page-state";
import { getEvidence } from "@/lib/server/evidence/get-evidence";

export const metadata: Metadata = { title: "Evidence" };

/** An evidence item's page, rendered with the item and its uses for the viewer (blind review applied by getEvidence). */
export default async function EvidenceItemPage({ params }: { params: Promise<{ evidenceId: string }> }) {
  const { evidenceId } = await params;
  const state = await onePageState(evidenceKeys.item(evidenceId), (viewer) => getEvidence(viewer, evidenceId));
  return (
    <HydrationBoundary state={state}>
      <EvidenceDetail evidenceId={evidenceId} />
    </HydrationBoundary>
  );
}
