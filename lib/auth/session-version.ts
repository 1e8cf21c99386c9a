/**
 * Sessions that end on the server. Sessions are next-auth JWTs in a cookie,
 * so nothing on the server held them; now each token carries the user's
 * `sessionVersion` from when it was issued (`sv`), and the one membership
 * query every request makes (lib/auth/current-user.ts) only matches while the
 * user's version is still that one. Bumping the version ends every session of
 * the user at once: sign-out (all their browsers, not only this one) and a
 * password change (which re-issues the changer's own cookie, lib/auth/reissue-session.ts).
 */
import { db } from "@/lib/db";

/** The session version a decoded token was issued under (tokens from before versions existed count as 0). */
export const tokenSessionVersion = (token: object | null | undefined): number => {
  const sv = (token as { sv?: unknown } | null | undefined)?.sv;
  return typeof sv === "number" && Number.isInteger(sv) ? sv : 0;
};

/**
 * Ends every session of `userId`. With `onlyFrom`, only when the user is
 * still on that version: a stale cookie signing out must not end the
 * sessions that came after it. Returns whether the version moved.
 */
export async function endSessions(userId: string, onlyFrom?: number): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, ...(onlyFrom === undefined ? {} : { sessionVersion: onlyFrom }) },
    data: { sessionVersion: { increment: 1 } },
  });
  return count === 1;
}
