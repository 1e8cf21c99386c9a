import pg from "pg";
import { vi } from "vitest";

/**
 * What `run` sent to PostgreSQL that opens, commits or rolls back a
 * transaction, each message's text as pg sent it, with `run`'s result: for
 * tests that a write is one message (lib/db/direct-sql.ts's checkedWrite).
 * Every pg client (the pools' and Prisma's) goes through Client.query.
 */
export async function transactionMessages<T>(run: () => Promise<T>): Promise<{ result: T; messages: string[] }> {
  const sent = vi.spyOn(pg.Client.prototype, "query");
  try {
    const result = await run();
    const texts = sent.mock.calls.map(([q]) => (typeof q === "string" ? q : ((q as { text?: string } | undefined)?.text ?? "")));
    return { result, messages: texts.filter((t) => /\b(BEGIN|COMMIT|ROLLBACK)\b/.test(t)) };
  } finally {
    sent.mockRestore();
  }
}

/** One transaction as checkedWrite sends it: BEGIN, the lock's EXECUTE, the write's EXECUTE, COMMIT. */
export const ONE_MESSAGE = /^BEGIN; EXECUTE claimdesk_sql_\w+\('[^']+'(?:, '[^']+')*\); EXECUTE claimdesk_sql_\w+\(.*\); COMMIT$/s;
