import type { Viewer } from "@/lib/server/visibility/viewer";
import type { UpdateClaimInput } from "@/lib/schemas/claim";
import { canEditClaim } from "@/lib/policies/claim";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";
import { changeClaim } from "./change-claim";

/** PATCH /api/claims/{id}: change the verdict, the rationale and/or the speaker. */
export function updateClaim(user: Viewer, claimId: string, input: UpdateClaimInput) {
  return changeClaim(user, claimId, input.version, {
    action: "claim.update",
    allowed: (row) => canEditClaim(user, row),
    data: () => ({
      ...(input.verdict !== undefined ? { verdict: input.verdict } : {}),
      ...(input.rationale !== undefined ? { rationaleHtml: sanitizeRichText(input.rationale) } : {}),
      ...(input.speaker !== undefined ? { speaker: input.speaker || null } : {}),
    }),
  });
}
