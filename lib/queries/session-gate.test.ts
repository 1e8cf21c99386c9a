import { describe, expect, it } from "vitest";
import {
  canWaitForSignIn,
  sessionAbandoned,
  sessionRestored,
  signInDeclined,
  subscribeSessionGate,
  waitForSignIn,
  waitQuietlyForSignIn,
} from "./session-gate";

describe("session gate", () => {
  it("holds every refused request until one sign-in, and tells the dialog when to open and close", async () => {
    const seen: boolean[] = [];
    const off = subscribeSessionGate((open) => seen.push(open));
    expect(canWaitForSignIn()).toBe(true);
    const a = waitForSignIn();
    const b = waitForSignIn();
    expect(seen).toEqual([true]);
    sessionRestored();
    await expect(Promise.all([a, b])).resolves.toEqual([undefined, undefined]);
    expect(seen).toEqual([true, false]);
    const c = waitForSignIn();
    sessionAbandoned(new Error("gave up"));
    await expect(c).rejects.toThrow("gave up");
    expect(signInDeclined()).toBe(true);
    const quiet = waitQuietlyForSignIn();
    expect(seen).toEqual([true, false, true, false]);
    const d = waitForSignIn();
    sessionRestored();
    await Promise.all([d, quiet]);
    expect(signInDeclined()).toBe(false);
    off();
    expect(canWaitForSignIn()).toBe(false);
  });
});
