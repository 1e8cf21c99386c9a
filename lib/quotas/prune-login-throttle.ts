import { db } from "@/lib/db";
import { limits } from "./limits";

/**
 * Keeps the sign-in throttle table (LoginThrottle) bounded: every guessed
 * e-mail used to add a row forever.
 * - Rows idle for CLAIMDESK_THROTTLE_ROW_HOURS (window started before then)
 *   and not locked now are deleted: their counts no longer decide anything.
 * - Past CLAIMDESK_THROTTLE_ROWS_MAX rows, the least telling unlocked rows go
 *   first (fewest failures, then oldest window), so a flood of one-off guessed
 *   e-mails cannot push out the counter of an account under attack.
 * It only deletes rows; the throttling itself lives in lib/auth/login-throttle.ts.
 * Runs every few minutes in each app instance (./housekeeping.ts); the
 * deletes are idempotent, so several instances on one PostgreSQL are fine.
 */
export async function pruneLoginThrottle(now = new Date(), opts = { maxRows: limits().CLAIMDESK_THROTTLE_ROWS_MAX, idleHours: limits().CLAIMDESK_THROTTLE_ROW_HOURS }) {
  const idleSince = new Date(now.getTime() - opts.idleHours * 3_600_000);
  const unlocked = { OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] };
  const { count: expired } = await db.loginThrottle.deleteMany({ where: { windowStart: { lt: idleSince }, ...unlocked } });
  const excess = (await db.loginThrottle.count()) - opts.maxRows;
  let evicted = 0;
  if (excess > 0) {
    evicted = await db.$executeRaw`
      DELETE FROM "LoginThrottle" WHERE "key" IN (
        SELECT "key" FROM "LoginThrottle" WHERE "lockedUntil" IS NULL OR "lockedUntil" <= ${now}
        ORDER BY "failures" ASC, "windowStart" ASC LIMIT ${excess})`;
  }
  return { expired, evicted };
}
