import { db } from "@/lib/db";

/** Failures allowed per key within the window before the key is locked. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

const EMAIL_PREFIX = "email:";
const IP_PREFIX = "ip:";

/** Keys a sign-in attempt counts against: the account, and the client address. */
export function throttleKeys(email: string, ip: string | null): string[] {
  const keys = [`${EMAIL_PREFIX}${email.trim().toLowerCase()}`];
  if (ip) keys.push(`${IP_PREFIX}${ip}`);
  return keys;
}

/** Minutes until the first locked key unlocks, or 0 when none is locked. */
export async function lockedMinutes(keys: string[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 60_000) : 0;
}

/**
 * Counts a sign-in attempt against each key *before* the password is checked,
 * and says whether it may go ahead: false when a key is locked, or when this
 * attempt is past MAX_FAILURES in the window (which locks the key).
 *
 * Why before, and why one statement: the password check takes ~60 ms
 * (bcrypt). Checking a lock, comparing, then read-and-writing the counter let
 * parallel wrong passwords all pass the check and each overwrite the same
 * count, so ten at once counted as one. The upsert below increments (or
 * starts a fresh window) atomically on both databases, and the decision is
 * made from the value it returns, so at most MAX_FAILURES guesses per window
 * reach bcrypt however many arrive at once. Raw SQL because Prisma cannot
 * express a conditional increment-or-reset in one statement; the dates are
 * bound parameters in the adapters' own format, so the comparisons hold on
 * SQLite (ISO text) and PostgreSQL (timestamp).
 */
export async function beginAttempt(keys: string[], now = new Date()): Promise<boolean> {
  let allowed = true;
  for (const key of keys) {
    const cutoff = new Date(now.getTime() - WINDOW_MS);
    const lockUntil = new Date(now.getTime() + LOCK_MS);
    // Column names qualified: inside DO UPDATE they would be ambiguous with "excluded".
    const rows = await db.$queryRaw<{ locked: unknown }[]>`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockedUntil")
      VALUES (${key}, 1, ${now}, NULL)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE
          WHEN "LoginThrottle"."lockedUntil" > ${now} THEN "LoginThrottle"."failures"
          WHEN "LoginThrottle"."windowStart" <= ${cutoff} OR "LoginThrottle"."lockedUntil" IS NOT NULL THEN 1
          ELSE "LoginThrottle"."failures" + 1 END,
        "windowStart" = CASE
          WHEN "LoginThrottle"."lockedUntil" > ${now} THEN "LoginThrottle"."windowStart"
          WHEN "LoginThrottle"."windowStart" <= ${cutoff} OR "LoginThrottle"."lockedUntil" IS NOT NULL THEN ${now}
          ELSE "LoginThrottle"."windowStart" END,
        "lockedUntil" = CASE
          WHEN "LoginThrottle"."lockedUntil" > ${now} THEN "LoginThrottle"."lockedUntil"
          WHEN "LoginThrottle"."windowStart" <= ${cutoff} OR "LoginThrottle"."lockedUntil" IS NOT NULL THEN NULL
          WHEN "LoginThrottle"."failures" + 1 > ${MAX_FAILURES} THEN ${lockUntil}
          ELSE "LoginThrottle"."lockedUntil" END
      RETURNING CASE WHEN "lockedUntil" > ${now} THEN 1 ELSE 0 END AS "locked"`;
    if (Number(rows[0]?.locked ?? 0) === 1) allowed = false;
  }
  return allowed;
}

/**
 * A wrong password: the attempt was already counted by beginAttempt, so this
 * only locks each key whose count has reached MAX_FAILURES (one conditional
 * UPDATE, so concurrent failures cannot undo each other).
 */
export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  await db.loginThrottle.updateMany({
    where: { key: { in: keys }, failures: { gte: MAX_FAILURES }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { lockedUntil: new Date(now.getTime() + LOCK_MS) },
  });
}

/**
 * A successful sign-in clears the account's counter. The address's counter
 * only gives back the count of this attempt: other accounts tried from the
 * same address still count, and a busy office's good sign-ins never lock it.
 */
export async function recordSuccess(keys: string[]): Promise<void> {
  const account = keys.filter((k) => k.startsWith(EMAIL_PREFIX));
  const addresses = keys.filter((k) => !k.startsWith(EMAIL_PREFIX));
  await db.loginThrottle.deleteMany({ where: { key: { in: account } } });
  if (addresses.length > 0) {
    await db.loginThrottle.updateMany({ where: { key: { in: addresses }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
  }
}
