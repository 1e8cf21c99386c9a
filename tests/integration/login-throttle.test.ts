import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  BASE_DELAY_MS,
  FREE_FAILURES,
  MAX_DELAY_MS,
  RESET_AFTER_MS,
  addressIsFailing,
  beginAttempt,
  cleanUpThrottle,
  clearThrottle,
  delayAfter,
  recordSuccess,
  throttlePlan,
  type ThrottleKey,
} from "@/lib/auth/login-throttle";

// Ahead of the clock, so the once-a-minute clean-up (which runs on real time) never takes these rows.
const T0 = new Date(Date.now() + 24 * 3600_000);
const at = (ms: number) => new Date(T0.getTime() + ms);
const email = () => `Throttle-${randomUUID()}@claimdesk.test`;
const address = () => `203.0.113.${Math.floor(Math.random() * 250)}#${randomUUID().slice(0, 8)}`;

/** One sign-in as authorize() runs it: counted first, then the password's verdict. Returns whether it got past the throttle. */
async function attempt(plan: ThrottleKey[], passwordOk: boolean, now: Date): Promise<boolean> {
  const verdict = await beginAttempt(plan, now);
  if (!verdict.allowed) return false;
  if (passwordOk) await recordSuccess(verdict.charged);
  return true;
}

const row = (key: string) => db.loginThrottle.findUnique({ where: { key } });

describe("delays", () => {
  it("are free for the first failures, then double up to the cap", () => {
    const free = FREE_FAILURES.account;
    expect(delayAfter(free, "account")).toBe(0);
    expect([1, 2, 3, 4].map((k) => delayAfter(free + k, "account"))).toEqual([1, 2, 4, 8].map((s) => s * BASE_DELAY_MS));
    expect(delayAfter(free + 40, "account")).toBe(MAX_DELAY_MS);
    expect(RESET_AFTER_MS).toBeGreaterThan(MAX_DELAY_MS);
  });
});

describe("sign-in throttle", () => {
  it("slows an account down with growing waits, and lets the right password in once a wait is over", async () => {
    const plan = throttlePlan(email(), {});
    const free = FREE_FAILURES.account;
    for (let i = 0; i < free; i++) expect(await attempt(plan, false, at(0))).toBe(true);
    // The next failure is still checked, and starts the first wait.
    expect(await attempt(plan, false, at(0))).toBe(true);
    expect(await attempt(plan, true, at(BASE_DELAY_MS - 1))).toBe(false);
    expect(await attempt(plan, false, at(BASE_DELAY_MS))).toBe(true);
    // The wait doubled; refused attempts neither count nor extend it.
    expect(await attempt(plan, false, at(BASE_DELAY_MS + 2 * BASE_DELAY_MS - 1))).toBe(false);
    expect((await row(plan[0]!.key))?.failures).toBe(free + 2);
    expect(await attempt(plan, true, at(3 * BASE_DELAY_MS))).toBe(true);
    expect(await row(plan[0]!.key)).toBeNull();
  });

  it("counts parallel attempts one at a time: of 10 at once past the free ones, one reaches the password check", async () => {
    const plan = throttlePlan(email(), {});
    for (let i = 0; i < FREE_FAILURES.account; i++) await attempt(plan, false, at(0));
    const verdicts = await Promise.all(Array.from({ length: 10 }, () => beginAttempt(plan, at(1))));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(1);
    expect((await row(plan[0]!.key))?.failures).toBe(FREE_FAILURES.account + 1);
  });

  it("starts a key again from zero an hour after its last failure", async () => {
    const plan = throttlePlan(email(), {});
    for (let i = 0; i < FREE_FAILURES.account + 3; i++) await beginAttempt(plan, at(i * MAX_DELAY_MS));
    const last = (FREE_FAILURES.account + 2) * MAX_DELAY_MS;
    expect(await attempt(plan, false, at(last + RESET_AFTER_MS))).toBe(true);
    expect(await row(plan[0]!.key)).toMatchObject({ failures: 1, nextAttemptAt: null });
  });

  it("a browser that signed in to the account before is held only to its own key: a guesser elsewhere never slows it", async () => {
    const account = email();
    const guesser = throttlePlan(account, {});
    for (let i = 0; i < 30; i++) await attempt(guesser, false, at(i * 1000));
    expect(await attempt(guesser, true, at(30_000))).toBe(false);
    const owner = throttlePlan(account, { browserId: "owner-browser-1" });
    expect(owner.map((k) => k.key)).toEqual([`browser:${account.toLowerCase()}:owner-browser-1`]);
    expect(await attempt(owner, true, at(30_000))).toBe(true);
    // The owner's own typos slow only the owner's browser.
    for (let i = 0; i < FREE_FAILURES.browser + 1; i++) await attempt(owner, false, at(31_000));
    expect(await attempt(owner, true, at(31_001))).toBe(false);
    expect(await attempt(throttlePlan(account, { browserId: "owner-browser-2" }), true, at(31_001))).toBe(true);
  });

  it("with trusted addresses, a clean address signs in at once while a failing one hammers the account", async () => {
    const account = email();
    const attacker = address();
    for (let i = 0; i < 40; i++) {
      await attempt(throttlePlan(account, { address: attacker, addressFailing: await addressIsFailing(attacker, at(i)) }), false, at(i));
    }
    // The attacker's address and the account are both waiting now.
    const attackerPlan = throttlePlan(account, { address: attacker, addressFailing: await addressIsFailing(attacker, at(100)) });
    expect(attackerPlan.map((k) => k.enforce)).toEqual([true, true]);
    expect(await attempt(attackerPlan, true, at(100))).toBe(false);
    const accountRow = await row(`account:${account.toLowerCase()}`);
    expect(accountRow!.nextAttemptAt!.getTime()).toBeGreaterThan(at(100).getTime());

    const office = address();
    expect(await addressIsFailing(office, at(100))).toBe(false);
    const ownerPlan = throttlePlan(account, { address: office, addressFailing: false });
    expect(ownerPlan.map((k) => [k.kind, k.enforce])).toEqual([
      ["address", true],
      ["account", false],
    ]);
    expect(await attempt(ownerPlan, true, at(100))).toBe(true);
    // The owner's success gave back only its own count: the guesser's stay.
    expect((await row(`account:${account.toLowerCase()}`))?.failures).toBe(accountRow!.failures);
    expect((await row(`address:${office}`))?.failures ?? 0).toBe(0);
  });

  it("an address that fails on many accounts is slowed on all of them, and a new account does not help it", async () => {
    const ip = address();
    for (let i = 0; i < FREE_FAILURES.address + 1; i++)
      await attempt(throttlePlan(email(), { address: ip, addressFailing: i > 0 }), false, at(0));
    expect(await attempt(throttlePlan(email(), { address: ip, addressFailing: true }), true, at(1))).toBe(false);
    expect(await attempt(throttlePlan(email(), { address: address(), addressFailing: false }), true, at(1))).toBe(true);
  });

  it("an admin can clear an account's keys, its browsers' included", async () => {
    const account = email();
    for (let i = 0; i < 8; i++) await attempt(throttlePlan(account, {}), false, at(0));
    await attempt(throttlePlan(account, { browserId: "b1" }), false, at(0));
    const other = email();
    await attempt(throttlePlan(other, {}), false, at(0));
    expect(await clearThrottle(account.toUpperCase())).toBe(2);
    expect(await attempt(throttlePlan(account, {}), true, at(1))).toBe(true);
    expect(await row(`account:${other.toLowerCase()}`)).not.toBeNull();
  });

  it("clean-up deletes the rows that no longer count, and only those", async () => {
    const old = throttlePlan(email(), {});
    const recent = throttlePlan(email(), {});
    await attempt(old, false, at(0));
    await attempt(recent, false, at(RESET_AFTER_MS));
    expect(await cleanUpThrottle(at(RESET_AFTER_MS + 1))).toBeGreaterThanOrEqual(1);
    expect(await row(old[0]!.key)).toBeNull();
    expect(await row(recent[0]!.key)).not.toBeNull();
  });
});
