import type { CurrentUser } from "@/lib/auth/current-user";
import { canRestoreClaim } from "@/lib/policies/claim";
import { changeClaim } from "./change-claim";

/** POST /api/claims/{id}/restore: undoes a delete. */
export function restoreClaim(user: CurrentUser, claimId: string, version: number) {
  return changeClaim(user, claimId, version, {
    action: "claim.restore",
    allowed: (row) => canRestoreClaim(user, row),
    data: () => ({ deletedAt: null }),
  });
}
