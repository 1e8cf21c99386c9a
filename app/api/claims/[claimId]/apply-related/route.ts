import { readJson, withUser } from "@/lib/api/handler";
import { applyRelatedSchema } from "@/lib/schemas/assist";
import { applyRelatedVerdict } from "@/lib/server/assist/apply-related-verdict";

export const POST = withUser<{ claimId: string }>(async ({ req, params, viewer }) =>
  applyRelatedVerdict(await viewer(), params.claimId, await readJson(req, applyRelatedSchema, 4 * 1024)),
);
