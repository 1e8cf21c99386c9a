import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { cookies } from "next/headers";
import { readRows, sql } from "@/lib/db/direct-sql";
import { AppError } from "@/lib/errors";
import { authOptions } from "./options";
import { tokenSessionVersion } from "./session-version";
import type { Role } from "@/lib/policies/roles";

/** next-auth's session cookie (the __Secure- form behind https, as next-auth names it). */
export const SESSION_COOKIE = `${process.env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;

/** Cookie naming the team a member of several teams is working in. */
export const ACTIVE_TEAM_COOKIE = "claimdesk-team";

/** The signed-in user, in the team they are working in. */
export type CurrentUser = {
  id: string;
  email: string;
  name: string | null;
  teamId: string;
  teamName: string;
  role: Role;
  teams: { id: string; name: string; role: Role }[];
};

type MembershipRow = { teamId: string; role: Role; teamName: string; userId: string; email: string; name: string | null };

/** Who a session token names, and the session version it was issued under (lib/auth/session-version.ts). */
type SessionClaims = { uid: string; sv: number };

/**
 * The signed-in user's id and session version. API routes pass their request
 * and only decode the session JWT (next-auth's getToken: about a tenth of
 * getServerSession's cost, which also re-issues the cookie); pages use
 * getServerSession, which keeps the session rolling.
 */
async function signedInClaims(req?: NextRequest): Promise<SessionClaims | undefined> {
  if (req) return claimsFromToken(req);
  const session = await getServerSession(authOptions);
  const uid = (session?.user as { id?: string } | undefined)?.id;
  return uid ? { uid, sv: tokenSessionVersion(session) } : undefined;
}

/**
 * Decoded session tokens by their cookie value. A token string always decodes
 * to the same claims, so only its expiry needs checking on a hit; this saves
 * the key derivation and decryption on every API call.
 */
const tokenCache = new Map<string, SessionClaims & { exp: number }>();

async function claimsFromToken(req: NextRequest): Promise<SessionClaims | undefined> {
  const raw = req.cookies.get(SESSION_COOKIE)?.value;
  if (!raw) return undefined;
  const hit = tokenCache.get(raw);
  if (hit) return hit.exp * 1000 > Date.now() ? hit : undefined;
  const token = await getToken({ req, secret: authOptions.secret });
  if (typeof token?.uid !== "string") return undefined;
  if (tokenCache.size >= 1000) tokenCache.delete(tokenCache.keys().next().value!);
  const claims = { uid: token.uid, sv: tokenSessionVersion(token), exp: typeof token.exp === "number" ? token.exp : 0 };
  tokenCache.set(raw, claims);
  return claims;
}

/** The signed-in member, or null when signed out or in no team. */
export async function getCurrentUser(req?: NextRequest): Promise<CurrentUser | null> {
  const claims = await signedInClaims(req);
  if (!claims) return null;
  // Every API call runs this: one statement straight on the driver (lib/db/direct-sql.ts),
  // portable SQL for both databases. It also holds the session to the user's current
  // session version, so a session ended on the server (sign-out, password change) finds
  // no row: no extra query, and the token cache above needs no invalidation.
  const memberships = await readRows<MembershipRow>(sql`
    SELECT m."teamId" AS "teamId", CAST(m."role" AS TEXT) AS "role", t."name" AS "teamName",
           u."id" AS "userId", u."email" AS "email", u."name" AS "name"
    FROM "Membership" m
    JOIN "Team" t ON t."id" = m."teamId"
    JOIN "User" u ON u."id" = m."userId"
    WHERE m."userId" = ${claims.uid} AND u."sessionVersion" = ${claims.sv}
    ORDER BY m."createdAt" ASC`);
  const first = memberships[0];
  if (!first) return null;
  const user = { id: first.userId, email: first.email, name: first.name };
  const wanted = (req ? req.cookies : await cookies()).get(ACTIVE_TEAM_COOKIE)?.value;
  const active = memberships.find((m) => m.teamId === wanted) ?? memberships[0]!;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    teamId: active.teamId,
    teamName: active.teamName,
    role: active.role,
    teams: memberships.map((m) => ({ id: m.teamId, name: m.teamName, role: m.role })),
  };
}

/** The signed-in member, or an UNAUTHENTICATED error. */
export async function requireUser(req?: NextRequest): Promise<CurrentUser> {
  const user = await getCurrentUser(req);
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}
