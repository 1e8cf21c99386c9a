import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { errorResponse } from "@/lib/api/handler";
import { crossSiteRefusal } from "@/lib/api/request-guard";
import { withApiCsp } from "@/lib/api/api-headers";

const handler = NextAuth(authOptions);

/**
 * next-auth's own endpoints. Its POSTs (credentials sign-in, sign-out) are
 * form posts with next-auth's CSRF token; they also get the Origin check every
 * state-changing request gets (lib/api/request-guard.ts), but not the JSON
 * rule, since their bodies are forms.
 */
export function POST(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const refused = crossSiteRefusal(req);
  return refused ? withApiCsp(errorResponse(refused)) : handler(req, ctx);
}

export { handler as GET };
