import { describe, expect, it } from "vitest";
import { isBusyError, isUniqueViolation, whenNotBusy } from "./busy-retry";

const busy = (code = "SQLITE_BUSY") => Object.assign(new Error("database is locked"), { code });

describe("whenNotBusy", () => {
  it("retries while the database is busy, then returns the result", async () => {
    let calls = 0;
    const result = await whenNotBusy(() => {
      calls++;
      if (calls < 4) throw busy(calls === 2 ? "SQLITE_BUSY_SNAPSHOT" : "SQLITE_BUSY");
      return "stored";
    });
    expect(result).toBe("stored");
    expect(calls).toBe(4);
  });

  it("rethrows any other error at once", async () => {
    let calls = 0;
    const unique = Object.assign(new Error("UNIQUE constraint failed"), { code: "SQLITE_CONSTRAINT_PRIMARYKEY" });
    await expect(
      whenNotBusy(() => {
        calls++;
        throw unique;
      }),
    ).rejects.toBe(unique);
    expect(calls).toBe(1);
  });

  it("gives up with the busy error after the timeout, without blocking the event loop meanwhile", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    await expect(
      whenNotBusy(() => {
        throw busy();
      }, 80),
    ).rejects.toMatchObject({ code: "SQLITE_BUSY" });
    clearInterval(timer);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ticks).toBeGreaterThan(3);
  });

  it("knows the busy codes from the others", () => {
    expect(["SQLITE_BUSY", "SQLITE_BUSY_RECOVERY", "SQLITE_LOCKED"].every((c) => isBusyError(busy(c)))).toBe(true);
    expect([busy("SQLITE_CONSTRAINT"), new Error("x"), null, undefined, "SQLITE_BUSY"].some(isBusyError)).toBe(false);
  });
});

describe("isUniqueViolation", () => {
  it("knows a taken id or unique key on both databases from any other failure", () => {
    const err = (code: string) => Object.assign(new Error("x"), { code });
    expect(["SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE", "23505"].every((c) => isUniqueViolation(err(c)))).toBe(true);
    expect(["SQLITE_BUSY", "SQLITE_CONSTRAINT_FOREIGNKEY", "23503", "ECONNRESET"].some((c) => isUniqueViolation(err(c)))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
