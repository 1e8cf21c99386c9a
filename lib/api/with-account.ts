import type { NextResponse, NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { getAccount, ACTIVE_TEAM_COOKIE, type SignedInAccount } from "@/lib/auth/current-user";
import { badTextReason, errorResponse } from "./handler";
import { requestRefusal } from "./request-guard";
import { withApiCsp } from "./api-headers";
import { jsonResponse } from "./json-response";

type RouteContext<P> = { params: Promise<P> };

/**
 * Route wrappers for the two kinds of caller `withUser` does not serve:
 * - `withAccount`: signed in, whatever their teams (own account, making a
 *   team, switching teams); 401 when signed out or the session ended;
 * - `withPublic`: no sign-in at all (first-run setup and the one-time links,
 *   whose token is the credential); `account` is the caller's session if any.
 * Both refuse what withUser refuses first (cross-site and non-JSON writes,
 * ids holding a NUL or a lone surrogate) and answer errors as
 * `{ error, field? }` like withUser.
 */
export function withAccount<P = Record<string, string>>(
  handler: (args: { req: NextRequest; params: P; account: SignedInAccount }) => Promise<unknown> | unknown,
) {
  return wrap<P>(async (req, params) => {
    const account = await getAccount(req);
    if (!account) throw new AppError("UNAUTHENTICATED");
    return handler({ req, params, account });
  });
}

export function withPublic<P = Record<string, string>>(
  handler: (args: { req: NextRequest; params: P; account: () => Promise<SignedInAccount | null> }) => Promise<unknown> | unknown,
) {
  return wrap<P>((req, params) => handler({ req, params, account: () => getAccount(req) }));
}

function wrap<P>(run: (req: NextRequest, params: P) => Promise<unknown> | unknown) {
  return async (req: NextRequest, ctx: RouteContext<P>) => {
    try {
      const refused = requestRefusal(req);
      if (refused) throw refused;
      const params = await ctx.params;
      if (Object.values(params ?? {}).some((v) => typeof v === "string" && badTextReason(v))) throw new AppError("NOT_FOUND");
      const out = await run(req, params);
      return withApiCsp(out instanceof Response ? out : jsonResponse(out));
    } catch (error) {
      return withApiCsp(errorResponse(error));
    }
  };
}

/** Makes `teamId` the team the browser works in (the header's switcher, an accepted invitation, a new team). */
export function setActiveTeamCookie(res: NextResponse, teamId: string): NextResponse {
  res.cookies.set(ACTIVE_TEAM_COOKIE, teamId, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });
  return res;
}
