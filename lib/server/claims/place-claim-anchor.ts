import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { PlaceAnchorInput } from "@/lib/schemas/claim-anchor";
import type { ClaimDto } from "@/lib/schemas/claim";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";
import { anchorPlacement } from "./anchor-placement";
import { changeClaim } from "./change-claim";

/**
 * PATCH /api/claims/{id}/anchor: an editor settles a claim that a correction
 * left drifted or orphaned, by confirming where it drifted to or by placing it
 * on newly selected words of the current version. Either way it is anchored
 * again; the old selectors stay in the audit event's `before`.
 */
export async function placeClaimAnchor(user: Viewer, claimId: string, input: PlaceAnchorInput): Promise<ClaimDto> {
  const row = await db.annotation.findFirst({
    where: { AND: [visibleAnnotationWhere(user.visibility), { id: claimId, deletedAt: null }] },
    select: { articleId: true, versionId: true, anchorState: true },
  });
  if (!row) throw notFound("Claim not found.");
  const { action, data } = await anchorPlacement(user, row, input);
  return changeClaim(user, claimId, input.version, { action, allowed: (r) => !r.deletedAt, data: () => data });
}
