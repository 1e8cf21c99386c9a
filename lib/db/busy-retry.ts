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
export async function whenNotBusy<T>(run: () => T, timeoutMs = SQLITE_BUSY_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
    try {
      return run();
    } catch (e) {
      if (!isBusyError(e) || Date.now() + pause > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** A unique or primary-key violation, as the drivers report it (lib/db/direct-sql.ts): SQLite's SQLITE_CONSTRAINT_PRIMARYKEY/_UNIQUE, PostgreSQL's 23505. */
export const isUniqueViolation = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  // P2002: the same violation reported through Prisma.
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "P2002";
};
