import { readJson, readQuery, withUser } from "@/lib/api/handler";
import { CLAIMS_PAGE_SIZE_HEADER, CLAIMS_TOTAL_HEADER, claimsPageQuerySchema, createClaimSchema } from "@/lib/schemas/claim";
import { listClaimsPage } from "@/lib/server/claims/list-claims";
import { createClaim } from "@/lib/server/claims/create-claim";
import { jsonResponse } from "@/lib/api/json-response";

export const GET = withUser<{ articleId: string }>(async ({ req, params, viewer }) => {
  const { page } = readQuery(req, claimsPageQuerySchema);
  const { claims, total, pageSize } = await listClaimsPage(await viewer(), params.articleId, page);
  return jsonResponse(claims, { headers: { [CLAIMS_TOTAL_HEADER]: String(total), [CLAIMS_PAGE_SIZE_HEADER]: String(pageSize) } });
});

export const POST = withUser<{ articleId: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, createClaimSchema);
  return jsonResponse(await createClaim(user, params.articleId, input), { status: 201 });
});
