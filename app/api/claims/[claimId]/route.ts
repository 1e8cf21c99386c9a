import { readJson, readQuery, withUser } from "@/lib/api/handler";
import { claimVersionSchema, updateClaimSchema } from "@/lib/schemas/claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { getClaim } from "@/lib/server/claims/get-claim";

/** One claim as the claims list shows it (what a page reads after a live event names it). */
export const GET = withUser<{ claimId: string }>(async ({ params, viewer }) => getClaim(await viewer(), params.claimId));

export const PATCH = withUser<{ claimId: string }>(async ({ req, params, viewer }) =>
  updateClaim(await viewer(), params.claimId, await readJson(req, updateClaimSchema)),
);

export const DELETE = withUser<{ claimId: string }>(async ({ req, params, viewer }) =>
  deleteClaim(await viewer(), params.claimId, readQuery(req, claimVersionSchema).version),
);
