import { SQLITE_BUSY_TIMEOUT_MS } from "./sqlite-adapter";

/** SQLITE_BUSY and its extended codes (…_RECOVERY, …_SNAPSHOT, …_TIMEOUT), and SQLITE_LOCKED. */
export const isBusyError = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code);
};

/**
 * Runs `run` (synchronous SQLite work), retrying after a short asynchronous
 * pause (1, 2, 4 … 25 ms) while another connection holds the lock, for up to
 * the busy timeout every other connection uses. The event loop keeps turning
 * meanwhile, so the holder can finish even when it is this very process.
 */
export function whenNotBusy<T>(run: () => T, timeoutMs = SQLITE_BUSY_TIMEOUT_MS): Promise<T> {
  // The first try settles at once, without an async function's extra turns (every claim write and sign-in runs one);
  // only a busy lock goes on to the pauses.
  const deadline = Date.now() + timeoutMs;
  try {
    return Promise.resolve(run());
  } catch (e) {
    if (!isBusyError(e) || Date.now() + 1 > deadline) return Promise.reject(e as Error);
    return retryWhenBusy(run, deadline);
  }
}

/** The tries after a first one found the lock held, each after a pause of 1, 2, 4 … 25 ms. */
async function retryWhenBusy<T>(run: () => T, deadline: number): Promise<T> {
  for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
    await new Promise((resolve) => setTimeout(resolve, pause));
    try {
      return run();
    } catch (e) {
      if (!isBusyError(e) || Date.now() + Math.min(pause * 2, 25) > deadline) throw e;
    }
  }
}

/** A unique or primary-key violation, as the drivers report it (lib/db/direct-sql.ts): SQLite's SQLITE_CONSTRAINT_PRIMARYKEY/_UNIQUE, PostgreSQL's 23505. */
export const isUniqueViolation = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  // P2002: the same violation reported through Prisma.
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "P2002";
};
