import { NextResponse } from "next/server";
import { readJson, readQuery, withUser } from "@/lib/api/handler";
import { CLAIMS_PAGE_SIZE_HEADER, CLAIMS_TOTAL_HEADER, claimsPageQuerySchema, createClaimSchema } from "@/lib/schemas/claim";
import { listClaimsPage } from "@/lib/server/claims/list-claims";
import { createClaim } from "@/lib/server/claims/create-claim";

export const GET = withUser<{ articleId: string }>(async ({ req, params, viewer }) => {
  const { page } = readQuery(req, claimsPageQuerySchema);
  const { claims, total, pageSize } = await listClaimsPage(await viewer(), params.articleId, page);
  return NextResponse.json(claims, { headers: { [CLAIMS_TOTAL_HEADER]: String(total), [CLAIMS_PAGE_SIZE_HEADER]: String(pageSize) } });
});

export const POST = withUser<{ articleId: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, createClaimSchema);
  // The hot write: Response.json, not NextResponse.json, which builds a second Response around the first (lib/api/handler.ts).
  return Response.json(await createClaim(user, params.articleId, input), { status: 201 });
});
