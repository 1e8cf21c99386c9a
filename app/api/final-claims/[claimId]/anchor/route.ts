import { readJson, withUser } from "@/lib/api/handler";
import { placeAnchorSchema } from "@/lib/schemas/claim-anchor";
import { placeFinalClaimAnchor } from "@/lib/server/claims/place-final-claim-anchor";

/**
 * Confirm a drifted final claim of a review round (`{ version, confirm: true }`)
 * or re-place it (`{ version, start, end }`); editors and admins. Answers the final claim.
 */
export const PATCH = withUser<{ claimId: string }>(async ({ req, params, viewer }) =>
  placeFinalClaimAnchor(await viewer(), params.claimId, await readJson(req, placeAnchorSchema)),
);
