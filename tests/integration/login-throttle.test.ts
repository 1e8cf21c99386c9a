import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { LOCK_MS, MAX_FAILURES, WINDOW_MS, beginAttempt, lockedMinutes, recordFailure, recordSuccess, throttleKeys } from "@/lib/auth/login-throttle";

const T0 = new Date("2026-03-01T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const freshKeys = (ip: string | null = null) => throttleKeys(`Throttle-${randomUUID()}@claimdesk.test`, ip);

/** One sign-in as authorize() runs it: counted first, then the password's verdict. Returns whether it got past the throttle. */
async function attempt(keys: string[], passwordOk: boolean, now: Date): Promise<boolean> {
  if (!(await beginAttempt(keys, now))) return false;
  if (passwordOk) await recordSuccess(keys);
  else await recordFailure(keys, now);
  return true;
}

const row = (key: string) => db.loginThrottle.findUnique({ where: { key } });

describe("sign-in throttle", () => {
  it(`locks an account after ${MAX_FAILURES} failures, even for the right password, until the lock ends`, async () => {
    const keys = freshKeys();
    for (let i = 0; i < MAX_FAILURES; i++) expect(await attempt(keys, false, at(i * 1000))).toBe(true);
    expect(await attempt(keys, true, at(MAX_FAILURES * 1000))).toBe(false);
    expect(await lockedMinutes(keys, at(MAX_FAILURES * 1000))).toBe(15);
    // Refused attempts neither count nor extend the lock.
    expect((await row(keys[0]!))?.failures).toBe(MAX_FAILURES);
    const lockEnd = (MAX_FAILURES - 1) * 1000 + LOCK_MS;
    expect(await attempt(keys, true, at(lockEnd - 1))).toBe(false);
    expect(await lockedMinutes(keys, at(lockEnd))).toBe(0);
    expect(await attempt(keys, true, at(lockEnd))).toBe(true);
    expect(await row(keys[0]!)).toBeNull();
  });

  it("starts a fresh window once the old one has passed", async () => {
    const keys = freshKeys();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await attempt(keys, false, at(0));
    // One more inside the window would lock; after it, the count starts again at 1.
    expect(await attempt(keys, false, at(WINDOW_MS + 1))).toBe(true);
    expect(await row(keys[0]!)).toMatchObject({ failures: 1, windowStart: at(WINDOW_MS + 1), lockedUntil: null });
    for (let i = 0; i < MAX_FAILURES - 2; i++) await attempt(keys, false, at(WINDOW_MS + 2));
    expect(await attempt(keys, true, at(WINDOW_MS + 3))).toBe(true);
  });

  it("a lock that has ended starts a fresh window, not a second lock", async () => {
    const keys = freshKeys();
    for (let i = 0; i < MAX_FAILURES; i++) await attempt(keys, false, at(0));
    expect(await attempt(keys, false, at(LOCK_MS))).toBe(true);
    expect(await row(keys[0]!)).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it("a successful sign-in clears the account's count", async () => {
    const keys = freshKeys();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await attempt(keys, false, at(0));
    expect(await attempt(keys, true, at(1))).toBe(true);
    expect(await row(keys[0]!)).toBeNull();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await attempt(keys, false, at(2));
    expect(await attempt(keys, true, at(3))).toBe(true);
  });

  it("an address keeps other accounts' failures, but its good sign-ins never lock it", async () => {
    const ip = `203.0.113.7#${randomUUID()}`;
    for (let i = 0; i < 3; i++) await attempt(freshKeys(ip), false, at(0));
    for (let i = 0; i < 10; i++) expect(await attempt(freshKeys(ip), true, at(1))).toBe(true);
    expect((await row(`ip:${ip}`))?.failures).toBe(3);
    await attempt(freshKeys(ip), false, at(2));
    await attempt(freshKeys(ip), false, at(2));
    // Five failures from the address, spread over five accounts: a sixth account is refused there.
    expect(await attempt(freshKeys(ip), true, at(3))).toBe(false);
    expect(await attempt(freshKeys(null), true, at(3))).toBe(true);
  });

  it(`counts parallel attempts atomically: of 10 at once, only ${MAX_FAILURES} reach the password check`, async () => {
    const keys = freshKeys();
    const passed = await Promise.all(Array.from({ length: 10 }, () => beginAttempt(keys, at(0))));
    expect(passed.filter(Boolean)).toHaveLength(MAX_FAILURES);
    await Promise.all(passed.filter(Boolean).map(() => recordFailure(keys, at(0))));
    expect(await attempt(keys, true, at(1))).toBe(false);
    expect(await lockedMinutes(keys, at(1))).toBe(15);
  });

  it("parallel wrong passwords that all reach the check still add up to a lock", async () => {
    const keys = freshKeys();
    // Four pass one at a time, then four more arrive at once: exactly one of them may try.
    for (let i = 0; i < MAX_FAILURES - 1; i++) await attempt(keys, false, at(0));
    const results = await Promise.all(Array.from({ length: 4 }, () => attempt(keys, false, at(1))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await attempt(keys, true, at(2))).toBe(false);
  });
});
