import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { pgPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { limits } from "./limits";

/**
 * Writes per user per minute (CLAIMDESK_WRITES_PER_MINUTE): every
 * state-changing API request counts one point against the caller; past the
 * limit the request gets 429 with `Retry-After` (seconds until the window
 * resets) before it touches anything. Fixed one-minute windows, so a burst
 * straddling two windows can reach twice the limit; honest work never comes
 * near it.
 *
 * rate-limiter-flexible does the counting (maintained, atomic on every store):
 * - PostgreSQL: one shared counter per user in the "RateLimit" table (made by
 *   our migrations, so the library is told not to create it), one upsert per
 *   write on the shared pool, so several app instances share one budget. A
 *   user over the limit is then refused from this instance's memory until the
 *   window ends, without a query (`inMemoryBlockOnConsumed`); the library
 *   deletes rows expired for an hour every 5 minutes. If the database fails,
 *   an in-memory limiter of the same size decides (`insuranceLimiter`): limits
 *   then hold per instance.
 * - SQLite: in this process's memory. SQLite means one app instance, so that
 *   is the whole budget.
 */
export function writeLimiter(points = limits().CLAIMDESK_WRITES_PER_MINUTE, pool = pgPool): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix: "writes", points, duration: 60 });
  if (!pool) return memory;
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "RateLimit",
    tableCreated: true,
    keyPrefix: "writes",
    points,
    duration: 60,
    inMemoryBlockOnConsumed: points + 1,
    insuranceLimiter: memory,
  });
}

const shared = globalThis as unknown as { claimdeskWriteLimiter?: RateLimiterAbstract };

/** Counts one write by `userId`; throws RATE_LIMITED (429, with the seconds to wait) past the limit. */
export async function countWrite(
  userId: string,
  limiter: RateLimiterAbstract = (shared.claimdeskWriteLimiter ??= writeLimiter()),
): Promise<void> {
  try {
    await limiter.consume(userId, 1);
  } catch (refused) {
    if (!(refused instanceof RateLimiterRes)) throw refused;
    const seconds = Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
    throw new AppError("RATE_LIMITED", `Too many changes in a minute (at most ${limiter.points}). Try again in ${seconds} s.`, {
      retryAfterSeconds: seconds,
    });
  }
}
