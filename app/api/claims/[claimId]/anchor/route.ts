import { readJson, withUser } from "@/lib/api/handler";
import { placeAnchorSchema } from "@/lib/schemas/claim-anchor";
import { placeClaimAnchor } from "@/lib/server/claims/place-claim-anchor";

/** Confirm a drifted claim (`{ version, confirm: true }`) or re-place it (`{ version, start, end }`). */
export const PATCH = withUser<{ claimId: string }>(async ({ req, params, viewer }) =>
  placeClaimAnchor(await viewer(), params.claimId, await readJson(req, placeAnchorSchema)),
);
