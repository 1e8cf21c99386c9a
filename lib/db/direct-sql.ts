import Database from "better-sqlite3";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { databaseKind, sqliteFilePath } from "./database-url";
import { applyPragmas } from "./sqlite-adapter";
import { whenNotBusy } from "./busy-retry";

/**
 * The few statements every request runs (the caller's membership, a claim's
 * version and round, the claim insert), run straight on the driver on SQLite.
 *
 * Why: through Prisma 6's query compiler and driver adapter, one raw statement
 * costs about 0.2 ms of CPU in a script and 0.4-0.5 ms inside the Next server
 * (compile, interpret, async hops); better-sqlite3 runs the same cached
 * statement in 5 µs. Claim creation ran four of them, and at ten concurrent
 * clients that CPU is the whole difference for the p95 target of issue 2
 * (bench/create-claims.bench.ts: p95 62-74 ms before, 37-40 ms after). On
 * PostgreSQL the network round trip dominates, so there these go through
 * Prisma's `$queryRaw` and `$transaction` as before.
 *
 * The SQLite side is a second connection to the same file, owned here:
 * - statements are prepared once per call site (keyed by the template's
 *   strings array) and reused;
 * - its busy timeout is 0 and it retries SQLITE_BUSY asynchronously. A
 *   synchronous busy wait would block the event loop, and with it a Prisma
 *   interactive transaction of this very process that holds the write lock
 *   across an await: both would wait for the full timeout. Its own write
 *   transactions run in one synchronous step (BEGIN IMMEDIATE … COMMIT), so
 *   they never hold the lock across an await either;
 * - dates are bound as @prisma/adapter-better-sqlite3 binds them (ISO 8601
 *   with "+00:00"), so Prisma reads back exactly what it would have written.
 *
 * Never call `writeAll` inside a Prisma interactive transaction: on SQLite it
 * would wait for that transaction's own write lock.
 */

/** A statement written once for both databases: `sql\`SELECT … WHERE "id" = ${id}\``. */
export type SqlStatement = { strings: TemplateStringsArray; values: unknown[] };

export const sql = (strings: TemplateStringsArray, ...values: unknown[]): SqlStatement => ({ strings, values });

/** The rows a read statement returns (on SQLite, integers as numbers and comparisons as 0/1). */
export async function readRows<T>(statement: SqlStatement): Promise<T[]> {
  const sqlite = direct();
  if (!sqlite) return db.$queryRaw<T[]>(statement.strings, ...statement.values);
  return whenNotBusy(() => sqlite.statement(statement.strings).all(statement.values.map(toSqlite)) as T[]);
}

/** Runs write statements in one transaction that takes the write lock up front. */
export async function writeAll(statements: SqlStatement[]): Promise<void> {
  const sqlite = direct();
  if (!sqlite) {
    await db.$transaction(statements.map((s) => db.$executeRaw(s.strings, ...s.values)));
    return;
  }
  await whenNotBusy(() => sqlite.runAll.immediate(statements));
}

type DirectSqlite = {
  statement: (strings: TemplateStringsArray) => Database.Statement;
  runAll: Database.Transaction<(statements: SqlStatement[]) => void>;
};

let connection: DirectSqlite | null | undefined;

/** The process's direct SQLite connection, opened on first use; null on PostgreSQL or an in-memory database. */
function direct(): DirectSqlite | null {
  if (connection !== undefined) return connection;
  const url = env().DATABASE_URL;
  const file = databaseKind(url) === "sqlite" ? sqliteFilePath(url) : ":memory:";
  if (file === ":memory:") return (connection = null);
  const client = new Database(file);
  applyPragmas(client, { busyTimeoutMs: 0 });
  const prepared = new WeakMap<TemplateStringsArray, Database.Statement>();
  const statement = (strings: TemplateStringsArray) => {
    let stmt = prepared.get(strings);
    if (!stmt) prepared.set(strings, (stmt = client.prepare(strings.join("?"))));
    return stmt;
  };
  const runAll = client.transaction((statements: SqlStatement[]) => {
    for (const s of statements) statement(s.strings).run(s.values.map(toSqlite));
  });
  return (connection = { statement, runAll });
}

/**
 * A value as the Prisma SQLite adapter binds it: dates as ISO 8601 with
 * "+00:00". Strings, numbers and null pass as they are (the schema has no
 * boolean or binary column).
 */
function toSqlite(value: unknown): unknown {
  if (value === undefined) throw new Error("undefined SQL parameter");
  return value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value;
}
