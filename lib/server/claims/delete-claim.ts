import type { Viewer } from "@/lib/server/visibility/viewer";
import { canDeleteClaim } from "@/lib/policies/claim";
import { changeClaim } from "./change-claim";

/** DELETE /api/claims/{id}: leaves a tombstone, so the delete can be undone and the audit log still shows it. */
export function deleteClaim(user: Viewer, claimId: string, version: number) {
  return changeClaim(user, claimId, version, {
    action: "claim.delete",
    allowed: (row) => canDeleteClaim(user, row),
    data: () => ({ deletedAt: new Date() }),
  });
}
