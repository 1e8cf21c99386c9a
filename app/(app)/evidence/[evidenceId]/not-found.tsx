import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function EvidenceNotFound() {
  return (
    <NotFoundPanel
      title="Evidence not found"
      body="It does not exist, was deleted, or belongs to another desk."
      backHref="/evidence"
      backLabel="Back to the evidence library"
    />
  );
}
