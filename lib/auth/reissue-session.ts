/**
 * After a password change the person's other sessions end (end-sessions.ts),
 * but the tab that changed it should stay signed in: this writes that tab a
 * fresh session cookie at the new session version, as next-auth would have
 * issued it (same cookie name, lifetime and flags).
 */
import { encode, getToken } from "next-auth/jwt";
import type { NextRequest, NextResponse } from "next/server";
import { authOptions } from "./options";
import { SESSION_COOKIE } from "./current-user";

export async function reissueSession(req: NextRequest, res: NextResponse, sessionVersion: number): Promise<void> {
  const secret = authOptions.secret!;
  const token = await getToken({ req, secret });
  if (!token) return;
  const maxAge = authOptions.session?.maxAge ?? 30 * 24 * 3600;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge });
  res.cookies.set(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: SESSION_COOKIE.startsWith("__Secure-"),
    maxAge,
  });
}
