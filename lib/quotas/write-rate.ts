import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
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
 *   then hold per instance. The counting runs on a pool of its own whose
 *   sessions commit asynchronously (`synchronous_commit = off`, see
 *   {@link counterPool}): it is the one write of every state-changing
 *   request that does not need to survive a crash of the database server.
 * - SQLite: in this process's memory. SQLite means one app instance, so that
 *   is the whole budget.
 */
export function writeLimiter(points = limits().CLAIMDESK_WRITES_PER_MINUTE, pool = counterPool()): RateLimiterAbstract {
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

const shared = globalThis as unknown as { claimdeskWriteLimiter?: RateLimiterAbstract; claimdeskCounterPool?: pg.Pool | null };

/**
 * On PostgreSQL, the connections the write counters are kept on (null on
 * SQLite): two, whose sessions run with `synchronous_commit = off`.
 *
 * Why: a commit that waits for its WAL to reach the disk (the default) costs
 * a flush, about a millisecond here, and the counter's upsert is its own
 * transaction on every write, before the write itself. With asynchronous
 * commit the server answers at once and flushes within 3 × wal_writer_delay
 * (0.6 s by default). What a crash of the database server can lose is that
 * last fraction of a second of counter increments, never a row's consistency
 * (PostgreSQL's "Asynchronous Commit" chapter): at worst a user gets that
 * many extra writes in the current minute. Nothing else runs on these
 * connections, so claims, audit events and every other acknowledged write
 * keep the durable commit of the shared pool (lib/db.ts).
 */
export function counterPool(): pg.Pool | null {
  if (shared.claimdeskCounterPool !== undefined) return shared.claimdeskCounterPool;
  shared.claimdeskCounterPool = pgPool
    ? new pg.Pool({ connectionString: env().DATABASE_URL, max: 2, options: "-c synchronous_commit=off", allowExitOnIdle: true })
    : null;
  return shared.claimdeskCounterPool;
}

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
