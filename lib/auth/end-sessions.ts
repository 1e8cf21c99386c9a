/**
 * Sessions that end on the server: sign-out, a password change or reset,
 * end every session of the user at once.
 *
 * Sessions are JWTs (the credentials provider needs them), so nothing on the
 * server lists them. Instead each user has a `sessionVersion`; a token carries
 * the value it was issued with (`sv`, set in the jwt callback of
 * lib/auth/options.ts), and getCurrentUser refuses a token whose `sv` is not
 * the user's current one. Ending sessions is one increment.
 *
 * The check costs no query: it is part of the one membership statement every
 * request runs (lib/auth/current-user.ts), and the token cache there needs no
 * invalidation.
 */
import { db, type Db } from "@/lib/db";

type Tx = Pick<Db, "user">;

/** Ends every session of `userId` (inside the caller's transaction) and returns the new session version. */
export async function endSessions(tx: Tx, userId: string): Promise<number> {
  const row = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return row.sessionVersion;
}

/** True when a token issued at session version `tokenVersion` (absent in tokens that predate it: 0) is still good. */
export function sessionIsCurrent(tokenVersion: unknown, userVersion: number | string): boolean {
  return tokenSessionVersion({ sv: tokenVersion }) === Number(userVersion);
}

/** The session version a decoded token (or session) was issued under; tokens from before versions existed count as 0. */
export const tokenSessionVersion = (token: object | null | undefined): number => {
  const sv = (token as { sv?: unknown } | null | undefined)?.sv;
  return typeof sv === "number" && Number.isInteger(sv) ? sv : 0;
};

/**
 * Sign-out: ends every session of `userId` (all their browsers), only when
 * the user is still on version `onlyFrom`: a stale cookie signing out must
 * not end the sessions that came after it. Returns whether it moved.
 */
export async function endSessionsOnSignOut(userId: string, onlyFrom: number): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, sessionVersion: onlyFrom },
    data: { sessionVersion: { increment: 1 } },
  });
  return count === 1;
}
