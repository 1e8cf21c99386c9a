import { encode, getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { authOptions } from "./options";
import { SESSION_COOKIE } from "./current-user";
import { servesHttps } from "@/lib/http/app-origin";

/**
 * After the caller's own change ended every session of theirs (a password
 * change, lib/auth/session-version.ts), sets a fresh session cookie on `res`
 * under the new version, so the other browsers are signed out and this one
 * is not. Same claims, name and options as next-auth's own cookie.
 */
export async function reissueSession(req: NextRequest, res: Response, sessionVersion: number): Promise<void> {
  const token = await getToken({ req, secret: authOptions.secret });
  if (!token) return;
  const maxAge = authOptions.session?.maxAge ?? 30 * 24 * 3600;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret: authOptions.secret!, maxAge });
  const secure = servesHttps() ? "; Secure" : "";
  res.headers.append("Set-Cookie", `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`);
}
