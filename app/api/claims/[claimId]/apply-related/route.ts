import { readJson, withUser } from "@/lib/api/handler";
import { applyRelatedSchema } from "@/lib/schemas/assist";
import { applyRelatedVerdict } from "@/lib/server/assist/apply-related-verdict";

export const POST = withUser<{ claimId: string }>(async ({ req, user, params }) =>
  applyRelatedVerdict(user, params.claimId, await readJson(req, applyRelatedSchema, 4 * 1024)),
);
