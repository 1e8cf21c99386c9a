import { NextResponse } from "next/server";
import { withUser } from "@/lib/api/handler";
import { createPasswordReset } from "@/lib/server/account/create-password-reset";

/** POST /api/team/members/{membershipId}/password-reset: a one-time link for the member to set a new password. */
export const POST = withUser<{ membershipId: string }>(async ({ req, user, params }) =>
  NextResponse.json(await createPasswordReset(user, params.membershipId, req.nextUrl.origin), { status: 201 }),
);
