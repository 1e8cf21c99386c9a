/** Quotas that live in the database: the sign-in throttle table's pruning, and the shared write counter on PostgreSQL. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pruneLoginThrottle } from "@/lib/quotas/prune-login-throttle";
import { counterPool, countWrite, writeLimiter } from "@/lib/quotas/write-rate";

const HOUR = 3_600_000;

describe("sign-in throttle rows (CLAIMDESK_THROTTLE_ROW_HOURS, CLAIMDESK_THROTTLE_ROWS_MAX)", () => {
  it("deletes idle unlocked rows, keeps locked and recent ones, and past the cap drops the least telling unlocked rows first", async () => {
    await db.loginThrottle.deleteMany({});
    const now = new Date("2026-06-01T12:00:00Z");
    const row = (key: string, failures: number, windowAgoMs: number, lockedForMs?: number) => ({
      key,
      failures,
      lastFailureAt: new Date(now.getTime() - windowAgoMs),
      nextAttemptAt: lockedForMs === undefined ? null : new Date(now.getTime() + lockedForMs),
    });
    await db.loginThrottle.createMany({
      data: [
        row("email:idle@x.test", 3, 30 * HOUR),
        row("email:lock-over@x.test", 5, 30 * HOUR, -HOUR),
        row("email:locked@x.test", 5, 30 * HOUR, 10 * 60_000),
        row("email:guess-1@x.test", 1, 2 * HOUR),
        row("email:guess-2@x.test", 1, HOUR),
        row("email:target@x.test", 4, 3 * HOUR),
        row("ip:10.0.0.9", 2, HOUR),
      ],
    });
    expect(await pruneLoginThrottle(now, { maxRows: 3, idleHours: 24 })).toEqual({ expired: 2, evicted: 2 });
    const left = (await db.loginThrottle.findMany({ select: { key: true } })).map((r) => r.key).sort();
    expect(left).toEqual(["email:locked@x.test", "email:target@x.test", "ip:10.0.0.9"]);
    // Nothing to do the second time.
    expect(await pruneLoginThrottle(now, { maxRows: 3, idleHours: 24 })).toEqual({ expired: 0, evicted: 0 });
  });
});

describe("writes per user per minute", () => {
  it("refuses the write past the limit with 429 and the seconds to wait", async () => {
    const limiter = writeLimiter(2);
    const user = randomUUID();
    await countWrite(user, limiter);
    await countWrite(user, limiter);
    const refused = await countWrite(user, limiter).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 429 });
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refused as AppError).retryAfterSeconds).toBeLessThanOrEqual(60);
    await countWrite(randomUUID(), limiter);
  });

  it.runIf(pgPool !== null)("(PostgreSQL) shares one budget between app instances through the RateLimit table", async () => {
    // Two limiters stand for two instances: they share nothing but the database.
    const [a, b] = [writeLimiter(3), writeLimiter(3)];
    const user = randomUUID();
    await countWrite(user, a);
    await countWrite(user, b);
    await countWrite(user, a);
    expect(await countWrite(user, b).catch((e: unknown) => (e as AppError).status)).toBe(429);
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: `writes:${user}` } });
    expect(row.points).toBe(4);
    expect(Number(row.expire)).toBeGreaterThan(Date.now());
  });

  it.runIf(pgPool !== null)("(PostgreSQL) counts on connections that commit asynchronously, and only those", async () => {
    // The counters may lose their last fraction of a second in a database crash; claims and audit rows may not.
    const setting = async (pool: { query: (q: string) => Promise<{ rows: { synchronous_commit: string }[] }> }) =>
      (await pool.query("SHOW synchronous_commit")).rows[0]!.synchronous_commit;
    expect(await setting(counterPool()!)).toBe("off");
    expect(await setting(pgPool!)).toBe("on");
  });
});
