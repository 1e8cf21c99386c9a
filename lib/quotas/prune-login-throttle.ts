import { db } from "@/lib/db";
import { limits } from "./limits";

/**
 * Keeps the sign-in throttle table (LoginThrottle) bounded: every guessed
 * e-mail used to add a row forever.
 * - Rows idle for CLAIMDESK_THROTTLE_ROW_HOURS (last failure before then)
 *   and with no wait running are deleted: their counts no longer decide anything.
 * - Past CLAIMDESK_THROTTLE_ROWS_MAX rows, the least telling rows with no wait
 *   running go first (fewest failures, then oldest failure), so a flood of
 *   one-off guessed e-mails cannot push out the counter of an account under attack.
 * It only deletes rows; the throttling itself lives in lib/auth/login-throttle.ts
 * (whose own once-a-minute clean-up drops rows past its reset time).
 * Runs every few minutes in each app instance (./housekeeping.ts); the
 * deletes are idempotent, so several instances on one PostgreSQL are fine.
 */
export async function pruneLoginThrottle(
  now = new Date(),
  opts = { maxRows: limits().CLAIMDESK_THROTTLE_ROWS_MAX, idleHours: limits().CLAIMDESK_THROTTLE_ROW_HOURS },
) {
  const idleSince = new Date(now.getTime() - opts.idleHours * 3_600_000);
  const unlocked = { OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] };
  const { count: expired } = await db.loginThrottle.deleteMany({ where: { lastFailureAt: { lt: idleSince }, ...unlocked } });
  const excess = (await db.loginThrottle.count()) - opts.maxRows;
  let evicted = 0;
  if (excess > 0) {
    evicted = await db.$executeRaw`
      DELETE FROM "LoginThrottle" WHERE "key" IN (
        SELECT "key" FROM "LoginThrottle" WHERE "nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now}
        ORDER BY "failures" ASC, "lastFailureAt" ASC LIMIT ${excess})`;
  }
  return { expired, evicted };
}
