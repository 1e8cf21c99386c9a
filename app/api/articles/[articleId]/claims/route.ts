import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/api/handler";
import { createClaimSchema } from "@/lib/schemas/claim";
import { listClaims } from "@/lib/server/claims/list-claims";
import { createClaim } from "@/lib/server/claims/create-claim";

export const GET = withUser<{ articleId: string }>(async ({ params, viewer }) => listClaims(await viewer(), params.articleId));

export const POST = withUser<{ articleId: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, createClaimSchema);
  return NextResponse.json(await createClaim(user, params.articleId, input), { status: 201 });
});
