import { readJson, withUser } from "@/lib/api/handler";
import { claimVersionSchema } from "@/lib/schemas/claim";
import { restoreClaim } from "@/lib/server/claims/restore-claim";

export const POST = withUser<{ claimId: string }>(async ({ req, user, params }) =>
  restoreClaim(user, params.claimId, (await readJson(req, claimVersionSchema)).version),
);
