import { readJson, withUser } from "@/lib/api/handler";
import { claimVersionSchema } from "@/lib/schemas/claim";
import { restoreClaim } from "@/lib/server/claims/restore-claim";

export const POST = withUser<{ claimId: string }>(async ({ req, params, viewer }) =>
  restoreClaim(await viewer(), params.claimId, (await readJson(req, claimVersionSchema)).version),
);
