import type { Metadata } from "next";
import { EvidenceDetail } from "@/components/evidence/evidence-detail";

export const metadata: Metadata = { title: "Evidence" };

export default async function EvidenceItemPage({ params }: { params: Promise<{ evidenceId: string }> }) {
  const { evidenceId } = await params;
  return <EvidenceDetail evidenceId={evidenceId} />;
}
