import type { Viewer } from "@/lib/server/visibility/viewer";
import type { DeleteEvidenceResult } from "@/lib/schemas/evidence";
import { canDeleteEvidence } from "@/lib/policies/evidence";
import { changeEvidence } from "./change-evidence";
import { findEvidenceUsage } from "./evidence-usage";

/**
 * DELETE /api/evidence/{id}?version=N. The item leaves the library but stays
 * as a tombstone: claims that cite it keep showing it, marked deleted, so
 * nothing disappears from a claim silently. The response lists those claims.
 * Deleting a tombstone again is a 409 that says so.
 */
export async function deleteEvidence(user: Viewer, evidenceId: string, version: number): Promise<DeleteEvidenceResult> {
  const evidence = await changeEvidence(user, evidenceId, version, {
    action: "evidence.delete",
    deletedMessage: "This item is already deleted from the library.",
    allowed: (row) => canDeleteEvidence(user, row),
    data: () => ({ deletedAt: new Date() }),
  });
  return { evidence, usedIn: await findEvidenceUsage(user.visibility, evidenceId) };
}
