import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import type pg from "pg";
import pgUtils from "pg/lib/utils";
import { db, pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { sqliteFilePath } from "./database-url";
import { applyPragmas } from "./sqlite-adapter";
import { whenNotBusy } from "./busy-retry";

/**
 * Statements run straight on the driver, past Prisma: the one place the app
 * writes SQL for the hot path, and the reasoning for it (the files that use
 * it only point here). eslint.config.js lists them in HOT_PATH, each with
 * what it runs; everything else uses Prisma.
 *
 * Why. Through Prisma 6's query compiler and driver adapter an ORM call costs
 * about 1 ms of CPU inside the Next server, and even a raw statement 0.2 ms
 * in a script and 0.4-0.5 ms in the server on SQLite, more on PostgreSQL
 * (compile, interpret, async hops); the driver alone runs a cached
 * better-sqlite3 statement in 5 µs. Three kinds of work pay that too often:
 * - what every request or every claim write runs (the caller's membership,
 *   their blind-review visibility, a version's scope, the claim insert and
 *   the claim edit with their audit rows): at ten concurrent clients that
 *   CPU decides the 10-connection p95 target of bench/create-claims.bench.ts;
 * - reads at export volume: for a report's ten thousand final claims Prisma
 *   spent about 0.5 s of CPU making objects of rows the driver returns in
 *   0.1 s;
 * - SQL that Prisma's API cannot say anyway (claim assistance's full-text
 *   candidates and its backfill check), run here instead of `$queryRaw`.
 * The statements are portable SQL, one text for both databases where it can
 * be, and tests/integration read what they write back through Prisma.
 *
 * SQLite: a second connection to the same file, owned here.
 * - Statements are prepared once per call site (keyed by the template's
 *   strings array) and reused.
 * - Its busy timeout is 0 and it retries SQLITE_BUSY asynchronously
 *   (./busy-retry.ts). A synchronous busy wait would block the event loop, and
 *   with it a Prisma interactive transaction of this very process that holds
 *   the write lock across an await: both would wait for the full timeout. Its
 *   own write transactions run in one synchronous step (BEGIN IMMEDIATE …
 *   COMMIT), so they never hold the lock across an await either.
 * - Dates are bound as @prisma/adapter-better-sqlite3 binds them (ISO 8601
 *   with "+00:00"), so Prisma reads back exactly what it would have written.
 *
 * PostgreSQL: the shared client's own pg pool (lib/db.ts), with named
 * (server-side prepared) statements per call site, and dates bound as
 * @prisma/adapter-pg binds them (UTC, no zone, for `timestamp(3)` columns).
 * A transaction goes as two messages, not a statement each
 * ({@link pgCheckThenWrite} says how), or as one where a single statement
 * can make the check ({@link checkedWrite}).
 * Rows come back with pg's default parsing: int8 as a string, booleans as
 * booleans.
 *
 * Never call `writeAll` inside a Prisma interactive transaction: on SQLite it
 * would wait for that transaction's own write lock, and on PostgreSQL it is
 * not part of it.
 */

/** A statement written once for both databases: `sql\`SELECT … WHERE "id" = ${id}\``. */
export type SqlStatement = { strings: TemplateStringsArray; values: unknown[] };

export const sql = (strings: TemplateStringsArray, ...values: unknown[]): SqlStatement => ({ strings, values });

/** The rows a read statement returns (on SQLite, integers as numbers and comparisons as 0/1). */
export async function readRows<T>(statement: SqlStatement): Promise<T[]> {
  const pool = pgPool;
  if (pool) return (await pool.query(pgQuery(statement))).rows as T[];
  const sqlite = direct();
  if (!sqlite) return db.$queryRaw<T[]>(statement.strings, ...statement.values);
  return whenNotBusy(() => sqlite.statement(statement.strings).raw(false).all(statement.values.map(toSqlite)) as T[]);
}

/**
 * The rows of a read statement, kept under `key` and served again for as
 * long as nothing can have changed the `tables` it reads: on SQLite, while
 * `PRAGMA data_version` (which moves with every commit of any other
 * connection to the file: Prisma's, a script's, another process's) stands
 * still and this connection has written none of those tables. That is exact,
 * not a time to live: a member removed from a team is refused on their next
 * request. PostgreSQL (where another instance may have written) and an
 * in-memory database read every time.
 *
 * For the reads every request makes (the caller's memberships: 29 µs of
 * each API call in the server at p50, against 12 µs for the version check).
 * `tables` must name every table the statement reads; the rows are shared
 * between callers and frozen.
 */
export async function readRowsKept<T>(key: string, tables: readonly string[], statement: SqlStatement): Promise<readonly T[]> {
  if (pgPool) return readRows<T>(statement);
  const sqlite = direct();
  if (!sqlite) return readRows<T>(statement);
  return whenNotBusy(() => sqlite.kept<T>(key, tables, statement));
}

/**
 * The rows of a read statement as arrays, one value per selected column in
 * the statement's order: for reads of thousands of rows, where the driver's
 * row objects cost more than the rows (better-sqlite3 builds an object of
 * 24 named columns for 5,000 claims in about 40 ms, their arrays in 18 ms).
 * Values are as {@link readRows} returns them.
 */
export async function readArrays(statement: SqlStatement): Promise<unknown[][]> {
  const pool = pgPool;
  if (pool) return (await pool.query({ ...pgQuery(statement), rowMode: "array" })).rows as unknown[][];
  const sqlite = direct();
  if (!sqlite) return (await db.$queryRaw<Record<string, unknown>[]>(statement.strings, ...statement.values)).map((r) => Object.values(r));
  return whenNotBusy(() => sqlite.statement(statement.strings).raw(true).all(statement.values.map(toSqlite)) as unknown[][]);
}

/**
 * A statement composed with Prisma's `Prisma.sql` (to embed a shared SQL
 * fragment such as lib/server/visibility/visible-where.ts's visibility rule)
 * as one this module runs. Prisma makes a fresh strings array on each call,
 * so the array is interned by its text: the same text keeps one prepared
 * statement. The interned texts are bounded (the visibility rule's length
 * varies with the viewer's blind rounds); past the bound the table starts over.
 */
export function fromPrismaSql(statement: { strings: readonly string[]; values: readonly unknown[] }): SqlStatement {
  const key = JSON.stringify(statement.strings);
  let strings = internedStrings.get(key);
  if (!strings) {
    if (internedStrings.size >= MAX_INTERNED) internedStrings.clear();
    strings = Object.freeze(Object.assign([...statement.strings], { raw: Object.freeze([...statement.strings]) })) as TemplateStringsArray;
    internedStrings.set(key, strings);
  }
  return { strings, values: [...statement.values] };
}

const internedStrings = new Map<string, TemplateStringsArray>();
const MAX_INTERNED = 256;

/**
 * A statement composed with `Prisma.sql` once, for a hot path: `compose`
 * receives `param(name)` in place of each value, and the statement it
 * returns is interned on the first call; later calls only place the named
 * values (no composing, flattening or interning per call: about 15 µs of a
 * claim create). The fragments it embeds must not vary between calls (a
 * choice made at startup, such as which database, is fine).
 */
export function composedOnce<K extends string>(
  compose: (param: (name: K) => unknown) => { strings: readonly string[]; values: readonly unknown[] },
): (values: Record<K, unknown>) => SqlStatement {
  let compiled: { strings: TemplateStringsArray; names: K[] } | undefined;
  return (values) => {
    if (!compiled) {
      const marks = new Map<unknown, K>();
      const composed = compose((name) => {
        const mark = { name };
        marks.set(mark, name);
        return mark;
      });
      const names = composed.values.map((v) => {
        const name = marks.get(v);
        if (name === undefined) throw new Error("composedOnce: every value must be a param(name)");
        return name;
      });
      compiled = { strings: fromPrismaSql(composed).strings, names };
    }
    const { strings, names } = compiled;
    const out = new Array<unknown>(names.length);
    for (let i = 0; i < names.length; i++) out[i] = values[names[i]!];
    return { strings, values: out };
  };
}

/** Runs write statements in one transaction (on SQLite, one that takes the write lock up front). */
export async function writeAll(statements: SqlStatement[]): Promise<void> {
  await checkThenWrite(null, () => statements);
}

/**
 * One transaction that reads, then writes what the read allows: `check` (a
 * SELECT; null for none) runs first, and `decide` turns its first row into
 * the statements to write (an empty list writes nothing). Resolves to that
 * row. `decide` is synchronous and may throw, which rolls everything back.
 *
 * Why: a check made before the transaction races with a writer that commits
 * between the read and the write (a round started, a correction saved). On
 * SQLite the transaction is BEGIN IMMEDIATE … COMMIT in one synchronous step,
 * so no other writer runs between check and write. PostgreSQL runs READ
 * COMMITTED: `pgLock`, a row-lock statement (`SELECT … FOR SHARE`), runs
 * before the check, so a writer holding that row waits for this transaction,
 * or this one waits for it and, as each statement takes a fresh snapshot,
 * the check then sees what it committed.
 */
export function checkThenWrite<T>(
  check: SqlStatement | null,
  decide: (row: T | undefined) => SqlStatement[],
  pgLock?: SqlStatement,
): Promise<T | undefined> {
  // Not an async function: it hands back whenNotBusy's promise as it is, without two more turns of the event loop's
  // microtasks on every claim write (what direct() may throw, opening the connection, rejects the same).
  if (pgPool) return pgCheckThenWrite(pgPool, check, decide, pgLock);
  let sqlite: DirectSqlite | null;
  try {
    sqlite = direct();
  } catch (e) {
    return Promise.reject(e as Error);
  }
  if (!sqlite) {
    return db.$transaction(async (tx) => {
      const row = check ? (await tx.$queryRaw<T[]>(check.strings, ...check.values))[0] : undefined;
      for (const s of decide(row)) await tx.$executeRaw(s.strings, ...s.values);
      return row;
    });
  }
  return whenNotBusy(() => sqlite.checkThenWrite.immediate(check, decide as (row: unknown) => SqlStatement[]) as T | undefined);
}

/**
 * PostgreSQL's transaction in two round trips (one without a check): `BEGIN;
 * <lock>; <check>` as one message, then `<writes>; COMMIT` as another.
 *
 * Why: pg waits for each statement's answer before it sends the next, so the
 * same transaction as a statement per message cost five round trips (BEGIN,
 * lock, check, the inserts, COMMIT), about 0.25 ms more than two in a script
 * and 0.6-0.9 ms more inside the loaded Next server, on the hottest write.
 * PostgreSQL's simple query protocol takes several statements in one message
 * and runs them in order, each inside the transaction BEGIN opened and each
 * with its own snapshot (READ COMMITTED): the check still runs after the
 * lock is granted and sees what the lock holder committed. What that
 * protocol cannot carry is parameters, so each statement is prepared once per
 * connection (`PREPARE`, a round trip of its own the first time only; see
 * {@link preparedOn}) and called as `EXECUTE name('value', …)`, its values
 * written as the quoted literals of {@link pgLiteral}. That is how the
 * extended protocol sends them too (text of unknown type, which PostgreSQL
 * casts to the type it inferred for the parameter), so every statement keeps
 * its plan and its meaning. A failing statement ends the message: what
 * follows it (the COMMIT) never runs, and the transaction is rolled back.
 */
async function pgCheckThenWrite<T>(
  pool: pg.Pool,
  check: SqlStatement | null,
  decide: (row: T | undefined) => SqlStatement[],
  lock?: SqlStatement,
): Promise<T | undefined> {
  return pgTransaction(pool, async (client) => {
    const reads = [lock, check].filter((s): s is SqlStatement => s != null);
    let row: T | undefined;
    if (reads.length > 0) {
      const results = await pgMessage(client, ["BEGIN", ...(await preparedOn(client, reads))].join("; "));
      if (check) row = results[results.length - 1]!.rows[0] as T | undefined;
    }
    const writes = await preparedOn(client, decide(row));
    // With nothing to read first, the whole transaction is this one message.
    await pgMessage(client, [...(reads.length > 0 ? [] : ["BEGIN"]), ...writes, "COMMIT"].join("; "));
    return row;
  });
}

/** What {@link checkedWrite} did: the one statement wrote (its first row), or the check ran on its own (its row). */
export type CheckedWrite<T, R> = { written: R } | { checked: T | undefined };

/**
 * {@link checkThenWrite} with, on PostgreSQL, the whole transaction tried
 * first as one message: `BEGIN; <lock>; <oneStatement>; COMMIT`.
 * `oneStatement` is a single statement that makes the same check in its own
 * WHERE (an `INSERT … SELECT … WHERE`, with the writes that go with it in
 * data-modifying `WITH` clauses) and returns a row if it wrote. If it wrote
 * nothing, checkThenWrite runs as usual: its `decide` explains the refusal,
 * or writes if the state changed meanwhile. On SQLite `oneStatement` is
 * never made (its data-modifying statements cannot sit in a `WITH`, and its
 * checkThenWrite is one synchronous step that costs microseconds).
 *
 * Why: checkThenWrite decides in JavaScript between its two messages, so
 * its transaction is two round trips; for the hottest write (a claim
 * create) one message took the use case from 1.4-1.6 ms to 1.0-1.2 ms at
 * p50 in the server on PostgreSQL. As in checkThenWrite, the lock is
 * granted before `oneStatement` starts, and that statement takes a fresh
 * snapshot (READ COMMITTED), so it sees what the lock's holder committed.
 */
export async function checkedWrite<T, R>(
  check: SqlStatement,
  decide: (row: T | undefined) => SqlStatement[],
  lock: SqlStatement,
  oneStatement: () => SqlStatement,
): Promise<CheckedWrite<T, R>> {
  const pool = pgPool;
  if (pool) {
    const rows = await pgTransaction(pool, async (client) => {
      const [locking, writing] = await preparedOn(client, [lock, oneStatement()]);
      return (await pgMessage(client, `BEGIN; ${locking}; ${writing}; COMMIT`))[2]!.rows as R[];
    });
    if (rows.length > 0) return { written: rows[0]! };
  }
  return { checked: await checkThenWrite<T>(check, decide, lock) };
}

/** Runs `work` on a pooled connection; a failure rolls back, and a connection whose rollback failed is dropped. */
async function pgTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    return await work(client);
  } catch (e) {
    await client.query("ROLLBACK").catch((rollbackFailed: unknown) => (broken = rollbackFailed));
    throw e;
  } finally {
    // A connection whose rollback failed is in an unknown state: the pool drops it.
    client.release(broken instanceof Error ? broken : undefined);
  }
}

/** Sends statements as one simple-protocol message; resolves to a result per statement. */
async function pgMessage(client: pg.PoolClient, text: string): Promise<pg.QueryResult[]> {
  const results = (await client.query(text)) as pg.QueryResult | pg.QueryResult[];
  return Array.isArray(results) ? results : [results];
}

/**
 * The statements SQL-prepared on a connection, by name. Kept on the pg client
 * itself under a registered symbol: the pool's connections outlive a
 * development hot reload of this module, and so do their prepared statements.
 */
const PREPARED = Symbol.for("claimdesk.sqlPrepared");

/**
 * `EXECUTE` calls for `statements` on `client`, after preparing (one round
 * trip, first use on this connection only) those it lacks. Prepared
 * statements outlive a transaction's rollback, so one prepared inside a
 * transaction that fails stays prepared. The names differ from the
 * protocol-level ones of {@link pgQuery} (`claimdesk_sql_`): pg keeps its
 * own account of those, and one name must not be prepared twice.
 */
async function preparedOn(client: pg.PoolClient, statements: SqlStatement[]): Promise<string[]> {
  const prepared = ((client as unknown as Record<symbol, Set<string>>)[PREPARED] ??= new Set<string>());
  const named = statements.map((s) => pgSqlPrepared(s.strings));
  const missing = [...new Set(named.filter((n) => !prepared.has(n.name)))];
  if (missing.length > 0) {
    await pgMessage(client, missing.map((n) => `PREPARE ${n.name} AS ${n.text}`).join("; "));
    for (const n of missing) prepared.add(n.name);
  }
  return statements.map((s, i) =>
    s.values.length === 0 ? `EXECUTE ${named[i]!.name}` : `EXECUTE ${named[i]!.name}(${s.values.map(pgLiteral).join(", ")})`,
  );
}

const pgSqlStatements = new WeakMap<TemplateStringsArray, { name: string; text: string }>();

function pgSqlPrepared(strings: TemplateStringsArray): { name: string; text: string } {
  let prepared = pgSqlStatements.get(strings);
  if (!prepared) {
    const { name, text } = pgPrepared(strings);
    pgSqlStatements.set(strings, (prepared = { name: name.replace(/^claimdesk_/, "claimdesk_sql_"), text }));
  }
  return prepared;
}

/**
 * A value as a literal of unknown type: the text pg's extended protocol
 * would send for it (pg's own `prepareValue`, after {@link toPg}), quoted
 * with pg's own `escapeLiteral`, or NULL. PostgreSQL casts it to the
 * parameter's type as it casts a bound parameter. A NUL character cannot be
 * sent in a simple-protocol message (it ends the text), and PostgreSQL
 * refuses it in text anyway: refused here with PostgreSQL's error code.
 */
function pgLiteral(value: unknown): string {
  const text: unknown = pgUtils.prepareValue(toPg(value));
  if (text === null) return "NULL";
  if (typeof text !== "string") throw new Error("direct-sql: binary values are not supported in a PostgreSQL transaction");
  if (text.includes("\0")) throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });
  return pgUtils.escapeLiteral(text);
}

/**
 * Names and texts of the PostgreSQL statements, one per call site. The name is
 * a hash of the text: pg prepares a name once per connection and afterwards
 * sends only the name, so one name must never stand for two texts (a counter
 * would, after a development hot reload on the same pool).
 */
const pgStatements = new WeakMap<TemplateStringsArray, { name: string; text: string }>();

function pgPrepared(strings: TemplateStringsArray): { name: string; text: string } {
  let prepared = pgStatements.get(strings);
  if (!prepared) pgStatements.set(strings, (prepared = pgNamed(pgText(strings))));
  return prepared;
}

const pgQuery = ({ strings, values }: SqlStatement): pg.QueryConfig => ({ ...pgPrepared(strings), values: values.map(toPg) });

/** A statement's text with its parameters numbered from 1. */
const pgText = (strings: TemplateStringsArray) => strings.reduce((sql, part, i) => `${sql}$${i}${part}`);

const pgNamed = (text: string) => ({ name: `claimdesk_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`, text });

/** A value as the Prisma PostgreSQL adapter binds it: dates as UTC "YYYY-MM-DD HH:MM:SS.mmm". */
function toPg(value: unknown): unknown {
  if (value === undefined) throw new Error("undefined SQL parameter");
  return value instanceof Date ? value.toISOString().replace("T", " ").replace("Z", "") : value;
}

type DirectSqlite = {
  statement: (strings: TemplateStringsArray) => Database.Statement;
  checkThenWrite: Database.Transaction<(check: SqlStatement | null, decide: (row: unknown) => SqlStatement[]) => unknown>;
  kept: <T>(key: string, tables: readonly string[], statement: SqlStatement) => readonly T[];
};

/** Rows {@link readRowsKept} keeps at most (one key per signed-in user); past it the table starts over. */
const MAX_KEPT = 1000;

/** The table a writing statement writes (INSERT INTO, UPDATE, DELETE FROM, REPLACE INTO), or null if it does not say. */
const writtenTable = (text: string): string | null =>
  /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"(\w+)"/i.exec(text)?.[1] ?? null;

// Kept on globalThis so a development hot reload reuses the connection instead of opening another.
const shared = globalThis as unknown as { claimdeskDirectSqlite?: DirectSqlite | null };

/** The process's direct SQLite connection, opened on first use; null for an in-memory database. */
function direct(): DirectSqlite | null {
  if (shared.claimdeskDirectSqlite !== undefined) return shared.claimdeskDirectSqlite;
  const file = sqliteFilePath(env().DATABASE_URL);
  if (file === ":memory:") return (shared.claimdeskDirectSqlite = null);
  const client = new Database(file);
  applyPragmas(client, { busyTimeoutMs: 0 });
  // Writes of this connection, by table, for readRowsKept (data_version does not move for a connection's own commits).
  // A write whose table the text does not name counts against every table.
  const writes = new Map<string, number>();
  let unnamedWrites = 0;
  const prepared = new WeakMap<TemplateStringsArray, { stmt: Database.Statement; writes: string | null | undefined }>();
  const statement = (strings: TemplateStringsArray) => {
    let p = prepared.get(strings);
    if (!p) {
      const stmt = client.prepare(strings.join("?"));
      prepared.set(strings, (p = { stmt, writes: stmt.readonly ? undefined : writtenTable(strings.join("?")) }));
    }
    // Counted as it is taken to run: a write that then fails only makes a kept read come again.
    if (p.writes === null) unnamedWrites++;
    else if (p.writes !== undefined) writes.set(p.writes, (writes.get(p.writes) ?? 0) + 1);
    return p.stmt;
  };
  const checkThenWrite = client.transaction((check: SqlStatement | null, decide: (row: unknown) => SqlStatement[]) => {
    const row = check ? statement(check.strings).get(check.values.map(toSqlite)) : undefined;
    for (const s of decide(row)) statement(s.strings).run(s.values.map(toSqlite));
    return row;
  });
  const dataVersion = client.prepare("PRAGMA data_version").pluck();
  const keptRows = new Map<string, { stamp: string; rows: readonly unknown[] }>();
  const kept = <T>(key: string, tables: readonly string[], s: SqlStatement): readonly T[] => {
    // The stamp is taken before the read: a commit landing between the two makes the next call read again, never the reverse.
    let stamp = `${dataVersion.get() as number}:${unnamedWrites}`;
    for (const t of tables) stamp += `:${writes.get(t) ?? 0}`;
    const hit = keptRows.get(key);
    if (hit?.stamp === stamp) return hit.rows as readonly T[];
    const rows = Object.freeze((statement(s.strings).raw(false).all(s.values.map(toSqlite)) as object[]).map((r) => Object.freeze(r)));
    if (keptRows.size >= MAX_KEPT) keptRows.clear();
    keptRows.set(key, { stamp, rows });
    return rows as readonly T[];
  };
  return (shared.claimdeskDirectSqlite = { statement, checkThenWrite, kept });
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
