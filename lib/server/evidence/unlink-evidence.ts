import type { Viewer } from "@/lib/server/visibility/viewer";
import { changeEvidenceLink } from "./change-evidence-link";

/** DELETE /api/evidence-links/{id}?version=N: detaches the item from the claim (the link is kept as a tombstone for the audit log). */
export function unlinkEvidence(user: Viewer, linkId: string, version: number) {
  return changeEvidenceLink(user, linkId, version, { action: "evidence.unlink", data: { deletedAt: new Date() } });
}
