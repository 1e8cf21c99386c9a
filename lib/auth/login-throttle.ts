import { db } from "@/lib/db";

/** Failures allowed per key within the window before the key is locked. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/** Keys a sign-in attempt counts against: the account, and the client address. */
export function throttleKeys(email: string, ip: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

/** Minutes until the first locked key unlocks, or 0 when none is locked. */
export async function lockedMinutes(keys: string[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 60_000) : 0;
}

/** Counts one failure on each key; locks a key that reaches MAX_FAILURES within WINDOW_MS. */
export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const row = await db.loginThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
    await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures, windowStart: now, lockedUntil },
      update: { failures, lockedUntil, ...(fresh ? { windowStart: now } : {}) },
    });
  }
}

/** A successful sign-in clears the account's counter (not the address's). */
export async function recordSuccess(email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
