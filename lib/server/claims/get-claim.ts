import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ClaimDto } from "@/lib/schemas/claim";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";
import { claimSelect, toClaimDto } from "./claim-dto";

/**
 * GET /api/claims/{id}: one live claim, as the article's claims list shows
 * it: what a page reads after a live event names a claim that changed,
 * instead of the whole list. Blind review applies (lib/policies/visibility.ts):
 * someone else's draft in an open round, a deleted claim, a claim of a
 * deleted article and another team's claim are all the same 404.
 */
export async function getClaim(user: Viewer, claimId: string): Promise<ClaimDto> {
  if (!claimId) throw notFound("Claim not found.");
  const row = await db.annotation.findFirst({
    where: { AND: [visibleAnnotationWhere(user.visibility), { id: claimId, deletedAt: null, article: { deletedAt: null } }] },
    select: claimSelect,
  });
  if (!row) throw notFound("Claim not found.");
  return toClaimDto(row, user);
}
