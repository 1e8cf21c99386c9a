import { notFound } from "@/lib/errors";
import type { ClaimDto } from "@/lib/schemas/claim";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { toClaimDto } from "./claim-dto";
import { readClaimRow } from "./read-all-claims";

/**
 * GET /api/claims/{id}: one live claim, as the article's claims list shows
 * it: what a page reads after a live event names a claim that changed,
 * instead of the whole list (so every open page asks it once per change: it
 * reads on the direct path). Blind review applies
 * (lib/policies/visibility.ts): someone else's draft in an open round, a
 * deleted claim, a claim of a deleted article and another team's claim are
 * all the same 404.
 */
export async function getClaim(user: Viewer, claimId: string): Promise<ClaimDto> {
  if (!claimId) throw notFound("Claim not found.");
  const row = await readClaimRow(user.visibility, claimId, { live: true });
  if (!row) throw notFound("Claim not found.");
  return toClaimDto(row, user);
}
