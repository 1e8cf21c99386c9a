import type { Viewer } from "@/lib/server/visibility/viewer";
import { canRestoreClaim } from "@/lib/policies/claim";
import { changeClaim } from "./change-claim";

/** POST /api/claims/{id}/restore: undoes a delete. */
export function restoreClaim(user: Viewer, claimId: string, version: number) {
  return changeClaim(user, claimId, version, {
    action: "claim.restore",
    allowed: (row) => canRestoreClaim(user, row),
    data: () => ({ deletedAt: null }),
  });
}
