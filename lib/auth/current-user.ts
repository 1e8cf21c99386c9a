import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { cookies } from "next/headers";
import { readRowsKept, sql } from "@/lib/db/direct-sql";
import { AppError } from "@/lib/errors";
import { authOptions } from "./options";
import type { Role } from "@/lib/policies/roles";
import { sessionIsCurrent, tokenSessionVersion } from "./end-sessions";
import { touchMembership } from "./touch-membership";

/** next-auth's session cookie (the __Secure- form behind https, as next-auth names it). */
export const SESSION_COOKIE = `${process.env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;

/** Cookie naming the team a member of several teams is working in. */
export const ACTIVE_TEAM_COOKIE = "claimdesk-team";

/**
 * Header the browser's API client sends with the team its page was rendered
 * for (lib/queries/api-client.ts), so a tab keeps working in its own team
 * after another tab switches: a request for a team the caller is no longer an
 * active member of gets 401 instead of landing in another team.
 */
export const TEAM_HEADER = "x-claimdesk-team";

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

/** A signed-in user whatever their teams (a user in no team may still manage their account or make a team). */
export type SignedInAccount = { id: string; email: string; name: string | null; teams: CurrentUser["teams"] };

type MembershipRow = {
  userId: string;
  email: string;
  name: string | null;
  sessionVersion: number | string;
  membershipId: string | null;
  teamId: string | null;
  role: Role | null;
  teamName: string | null;
};

/** Who a session token names, and the session version it was issued under (lib/auth/end-sessions.ts). */
type SessionClaims = { uid: string; sv: number };

/**
 * The signed-in user's session claims. API routes pass their request and only
 * decode the session JWT (next-auth's getToken: about a tenth of
 * getServerSession's cost, which also re-issues the cookie); pages use
 * getServerSession, which keeps the session rolling.
 */
async function sessionClaims(req?: NextRequest): Promise<SessionClaims | undefined> {
  if (req) return claimsFromToken(req);
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; sv?: unknown } | undefined;
  return user?.id ? { uid: user.id, sv: tokenSessionVersion(user) } : undefined;
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
  const kept = keptClaims(raw);
  if (kept !== undefined) return kept ?? undefined;
  const token = await getToken({ req, secret: authOptions.secret });
  if (typeof token?.uid !== "string") return undefined;
  if (tokenCache.size >= 1000) tokenCache.delete(tokenCache.keys().next().value!);
  const claims = { uid: token.uid, sv: tokenSessionVersion(token), exp: typeof token.exp === "number" ? token.exp : 0 };
  tokenCache.set(raw, claims);
  return claims;
}

/**
 * The user id the request's session token names, when the token was decoded
 * before (the cache above), without any database read; undefined otherwise.
 * Not proof of a current session: the membership read decides that. The API
 * wrapper counts a write by it while that read is under way.
 */
export function cachedSessionUserId(req: NextRequest): string | undefined {
  const raw = req.cookies.get(SESSION_COOKIE)?.value;
  return raw ? keptClaims(raw)?.uid : undefined;
}

/** The claims of a token decoded before: null once it has expired, undefined if it was never decoded. */
function keptClaims(raw: string): SessionClaims | null | undefined {
  const hit = tokenCache.get(raw);
  return hit && (hit.exp * 1000 > Date.now() ? hit : null);
}

/** What the membership read below reads. */
const MEMBERSHIP_TABLES = ["User", "Membership", "Team"] as const;

/**
 * The user behind a current session and their active memberships, or null
 * when signed out or the session was ended on the server (a stale session
 * version). Deactivated memberships are left out, so a deactivated member's
 * next request in that team is refused.
 */
async function sessionRows(req?: NextRequest): Promise<readonly MembershipRow[] | null> {
  const claims = await sessionClaims(req);
  if (!claims) return null;
  // Every API call runs this (on lib/db/direct-sql.ts), kept until one of the three tables may have changed.
  const rows = await readRowsKept<MembershipRow>(
    `memberships:${claims.uid}`,
    MEMBERSHIP_TABLES,
    sql`
    SELECT u."id" AS "userId", u."email" AS "email", u."name" AS "name", u."sessionVersion" AS "sessionVersion",
           m."id" AS "membershipId", m."teamId" AS "teamId", CAST(m."role" AS TEXT) AS "role", t."name" AS "teamName"
    FROM "User" u
    LEFT JOIN "Membership" m ON m."userId" = u."id" AND m."deactivatedAt" IS NULL
    LEFT JOIN "Team" t ON t."id" = m."teamId"
    WHERE u."id" = ${claims.uid}
    ORDER BY m."createdAt" ASC`,
  );
  const first = rows[0];
  if (!first || !sessionIsCurrent(claims.sv, first.sessionVersion)) return null;
  return rows;
}

const teamsOf = (rows: readonly MembershipRow[]) =>
  rows.filter((m) => m.teamId).map((m) => ({ id: m.teamId!, name: m.teamName!, role: m.role! }));

/** The signed-in user with their teams (possibly none), or null when signed out or the session ended. */
export async function getAccount(req?: NextRequest): Promise<SignedInAccount | null> {
  const rows = await sessionRows(req);
  if (!rows) return null;
  const { userId, email, name } = rows[0]!;
  return { id: userId, email, name, teams: teamsOf(rows) };
}

/** The signed-in member, or null when signed out, the session ended, or in no team. */
export async function getCurrentUser(req?: NextRequest): Promise<CurrentUser | null> {
  const rows = await sessionRows(req);
  const memberships = rows?.filter((m) => m.teamId) ?? [];
  if (memberships.length === 0) return null;
  const pinned = req?.headers.get(TEAM_HEADER);
  const wanted = pinned || (req ? req.cookies : await cookies()).get(ACTIVE_TEAM_COOKIE)?.value;
  const chosen = memberships.find((m) => m.teamId === wanted);
  // A page pinned to a team the caller has left (or was deactivated in) must not act in another one.
  if (pinned && !chosen) return null;
  const active = chosen ?? memberships[0]!;
  touchMembership(active.membershipId!);
  return {
    id: active.userId,
    email: active.email,
    name: active.name,
    teamId: active.teamId!,
    teamName: active.teamName!,
    role: active.role!,
    teams: teamsOf(memberships),
  };
}

/** The signed-in member, or an UNAUTHENTICATED error. */
export async function requireUser(req?: NextRequest): Promise<CurrentUser> {
  const user = await getCurrentUser(req);
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}
