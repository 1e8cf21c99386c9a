/**
 * Sign-in throttling that slows guessing without letting a guesser lock the
 * owner out.
 *
 * Failures are counted against keys (`LoginThrottle` rows):
 * - `account:{email}`: every failure on the account;
 * - `browser:{email}:{id}`: failures from one browser that has signed in to
 *   this account before (a signed cookie, lib/auth/known-browser.ts);
 * - `address:{ip}`: failures from one client address, on any account, when
 *   the address can be trusted (`TRUST_PROXY=1`, lib/auth/client-address.ts).
 *
 * A key's first few failures are free; after them each failure makes the key
 * wait before its next attempt, twice as long each time (1 s, 2 s, 4 s … at
 * most 15 minutes). An attempt while a key it is held to waits is refused
 * without checking the password. Which keys an attempt is held to
 * (`throttlePlan`):
 * - a known browser: its own browser key only, so failures from elsewhere
 *   never slow the owner's usual browsers;
 * - another browser from a trusted address: the address key, and the account
 *   key only once the address itself has failed. An address that has not been
 *   failing is never refused for the account's sake, so an attacker cannot
 *   turn the account's count against its owner;
 * - another browser with no trusted address (a client could name any
 *   address): the account key, the only bound left on guessing.
 *
 * Every attempt is counted as a failure *before* the ~60 ms password check,
 * with a compare-and-set per key (`charge`), so parallel guesses cannot all
 * slip past a key's limit; a correct password then gives the count back
 * (`recordSuccess`). Rows whose last failure is older than RESET_AFTER_MS
 * count as fresh and are deleted by `cleanUpThrottle`.
 */
import { db } from "@/lib/db";

/** Failures a key may have before it starts waiting. */
export const FREE_FAILURES = { account: 5, browser: 5, address: 10, user: 5 } as const;
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * 60_000;
/** A key whose last failure is this old starts again from zero (longer than MAX_DELAY_MS, so waiting out a delay never resets the count). */
export const RESET_AFTER_MS = 60 * 60_000;
/** Compare-and-set rounds before a contended key refuses the attempt (only parallel guesses on one key get there). */
const MAX_ROUNDS = 8;

export type ThrottleKind = keyof typeof FREE_FAILURES;

/** One key an attempt counts against; `enforce` false means counted but never refused on its account. */
export type ThrottleKey = { kind: ThrottleKind; key: string; account: string | null; enforce: boolean };

/** The outcome of beginAttempt: go ahead, or wait until `retryAt`. */
export type AttemptVerdict = { allowed: true; charged: ThrottleKey[] } | { allowed: false; retryAt: Date };

const normalEmail = (email: string) => email.trim().toLowerCase();

/** The wait after a key's `failures`-th failure (0 while still free). */
export function delayAfter(failures: number, kind: ThrottleKind): number {
  const over = failures - FREE_FAILURES[kind];
  return over <= 0 ? 0 : Math.min(BASE_DELAY_MS * 2 ** (over - 1), MAX_DELAY_MS);
}

/**
 * The keys a sign-in attempt counts against and is held to (see the module
 * header): `browserId` is the id of a valid known-browser cookie for this
 * account, `address` a trusted client address, `addressFailing` whether that
 * address has recent failures of its own.
 */
export function throttlePlan(
  email: string,
  opts: { browserId?: string | null; address?: string | null; addressFailing?: boolean },
): ThrottleKey[] {
  const account = normalEmail(email);
  if (opts.browserId) return [{ kind: "browser", key: `browser:${account}:${opts.browserId}`, account, enforce: true }];
  const accountKey: ThrottleKey = { kind: "account", key: `account:${account}`, account, enforce: true };
  if (!opts.address) return [accountKey];
  return [
    { kind: "address", key: `address:${opts.address}`, account: null, enforce: true },
    { ...accountKey, enforce: Boolean(opts.addressFailing) },
  ];
}

/** Whether a trusted address has failures of its own that still count. */
export async function addressIsFailing(address: string, now = new Date()): Promise<boolean> {
  const row = await db.loginThrottle.findUnique({ where: { key: `address:${address}` } });
  return Boolean(row && row.failures > 0 && row.lastFailureAt.getTime() > now.getTime() - RESET_AFTER_MS);
}

/**
 * Counts one attempt against `key` (a failure until recordSuccess gives it
 * back), unless the key is enforced and still waiting: then returns the time
 * it waits until and counts nothing. A compare-and-set on the row's count and
 * last failure, retried when a parallel attempt changed the row in between.
 */
async function charge(key: ThrottleKey, now: Date): Promise<{ ok: true } | { ok: false; retryAt: Date }> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = await db.loginThrottle.findUnique({ where: { key: key.key } });
    if (!row) {
      const next = delayAfter(1, key.kind);
      const inserted = await db.$executeRaw`
        INSERT INTO "LoginThrottle" ("key", "account", "failures", "lastFailureAt", "nextAttemptAt")
        VALUES (${key.key}, ${key.account}, 1, ${now}, ${next ? new Date(now.getTime() + next) : null})
        ON CONFLICT ("key") DO NOTHING`;
      if (inserted === 1) return { ok: true };
      continue;
    }
    if (key.enforce && row.nextAttemptAt && row.nextAttemptAt > now) return { ok: false, retryAt: row.nextAttemptAt };
    const fresh = row.lastFailureAt.getTime() <= now.getTime() - RESET_AFTER_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const wait = delayAfter(failures, key.kind);
    // A counted-but-not-enforced key never shortens a wait that is already running.
    const nextAttemptAt = wait ? new Date(now.getTime() + wait) : fresh ? null : row.nextAttemptAt;
    const { count } = await db.loginThrottle.updateMany({
      where: { key: key.key, failures: row.failures, lastFailureAt: row.lastFailureAt },
      data: { failures, lastFailureAt: now, nextAttemptAt },
    });
    if (count === 1) return { ok: true };
  }
  return { ok: false, retryAt: new Date(now.getTime() + BASE_DELAY_MS) };
}

/**
 * Counts a sign-in attempt against each key of `plan`, in order, before the
 * password is checked. Refused (with the time to wait until) as soon as an
 * enforced key is waiting; keys counted before it stay counted, so hammering
 * a waiting account still fills the attacker's own address key.
 */
export async function beginAttempt(plan: ThrottleKey[], now = new Date()): Promise<AttemptVerdict> {
  const charged: ThrottleKey[] = [];
  for (const key of plan) {
    const result = await charge(key, now);
    if (!result.ok) return { allowed: false, retryAt: result.retryAt };
    charged.push(key);
  }
  maybeCleanUp();
  return { allowed: true, charged };
}

/**
 * The password was right. Keys the client was held to and proved itself on
 * (its browser, the account) start again from zero; an address key and a
 * counted-only account key just give back this attempt's count, so other
 * accounts' failures from the address, or a guesser's on the account, still count.
 */
export async function recordSuccess(charged: ThrottleKey[]): Promise<void> {
  const cleared = charged.filter((k) => k.enforce && k.kind !== "address").map((k) => k.key);
  const givenBack = charged.filter((k) => !cleared.includes(k.key)).map((k) => k.key);
  if (cleared.length) await db.loginThrottle.deleteMany({ where: { key: { in: cleared } } });
  if (givenBack.length)
    await db.loginThrottle.updateMany({ where: { key: { in: givenBack }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

/** Deletes the throttle rows of an account (its account and browser keys); returns how many there were. For admins. */
export async function clearThrottle(email: string): Promise<number> {
  const { count } = await db.loginThrottle.deleteMany({ where: { account: normalEmail(email) } });
  return count;
}

/** Deletes rows that no longer count (last failure older than RESET_AFTER_MS, so no wait is running either); returns how many. */
export async function cleanUpThrottle(now = new Date()): Promise<number> {
  const { count } = await db.loginThrottle.deleteMany({ where: { lastFailureAt: { lte: new Date(now.getTime() - RESET_AFTER_MS) } } });
  return count;
}

let lastCleanUp = 0;
/** Runs cleanUpThrottle (on the clock, whatever time an attempt was given) at most once a minute per process, without holding the sign-in up. */
function maybeCleanUp() {
  if (Date.now() - lastCleanUp < 60_000) return;
  lastCleanUp = Date.now();
  cleanUpThrottle().catch((e) => console.error("Sign-in throttle clean-up failed", e));
}

/** "Try again in 3 seconds" / "in 2 minutes": the wait until `retryAt`, rounded up. */
export function waitText(retryAt: Date, now = new Date()): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
