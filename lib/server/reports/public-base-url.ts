import type { NextRequest } from "next/server";
import { env } from "@/lib/env";

/** The app's public origin for links and IRIs in reports: NEXTAUTH_URL when set (behind a proxy the request's own origin may be internal), else the request's. */
export function publicBaseUrl(req: NextRequest): string {
  return (env().NEXTAUTH_URL ?? req.nextUrl.origin).replace(/\/+$/, "");
}
