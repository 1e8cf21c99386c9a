import { readJson, withUser } from "@/lib/api/handler";
import { linkEvidenceSchema } from "@/lib/schemas/evidence";
import { listClaimEvidence } from "@/lib/server/evidence/list-claim-evidence";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { jsonResponse } from "@/lib/api/json-response";

type Params = { claimId: string };

/** GET /api/claims/{id}/evidence: the claim's evidence links and date hints. */
export const GET = withUser<Params>(async ({ params, viewer }) => listClaimEvidence(await viewer(), params.claimId));

/** POST /api/claims/{id}/evidence: attach an item, or create one and attach it. */
export const POST = withUser<Params>(async ({ req, params, viewer }) => {
  const input = await readJson(req, linkEvidenceSchema);
  return jsonResponse(await linkEvidence(await viewer(), params.claimId, input), { status: 201 });
});
