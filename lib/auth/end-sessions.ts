/**
 * Server-side session ending for the people pages (issue 11): a password
 * change or reset ends a user's sessions at once.
 *
 * Sessions are JWTs (the credentials provider needs them), so nothing on the
 * server lists them. Instead each user has a `sessionVersion`; a token carries
 * the value it was issued with (`sv`, set in the jwt callback of
 * lib/auth/options.ts), and getCurrentUser refuses a token whose `sv` is not
 * the user's current one. Ending sessions is one increment.
 *
 * Kept small and on its own so that it can be reconciled with the sign-out
 * session ending of the trust issue: `endSessions` and `sessionIsCurrent` are
 * the whole interface the rest of the code uses.
 */
import type { Db } from "@/lib/db";

type Tx = Pick<Db, "user">;

/** Ends every session of `userId` (inside the caller's transaction) and returns the new session version. */
export async function endSessions(tx: Tx, userId: string): Promise<number> {
  const row = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return row.sessionVersion;
}

/** True when a token issued at session version `tokenVersion` (absent in tokens that predate it: 0) is still good. */
export function sessionIsCurrent(tokenVersion: unknown, userVersion: number | string): boolean {
  return (typeof tokenVersion === "number" ? tokenVersion : 0) === Number(userVersion);
}
