import type { Metadata } from "next";
import { EvidenceLibrary } from "@/components/evidence/evidence-library";

export const metadata: Metadata = { title: "Evidence" };

export default function EvidencePage() {
  return (
    <>
      <h1>Evidence library</h1>
      <EvidenceLibrary />
    </>
  );
}
