import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { sqliteFilePath } from "./database-url";

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * The better-sqlite3 driver adapter, tuned so that concurrent writers wait
 * instead of failing:
 * - WAL mode, so readers never block the writer;
 * - a busy timeout, so a writer in another process (the seed script, a second
 *   server) is waited for;
 * - `BEGIN IMMEDIATE` for every transaction. The adapter issues a plain
 *   (deferred) `BEGIN`; a deferred transaction that reads and then writes
 *   cannot be retried by the busy handler once another connection has written,
 *   and fails at once with SQLITE_BUSY. Taking the write lock up front makes
 *   the busy timeout apply.
 */
export class ClaimdeskSqliteAdapterFactory extends PrismaBetterSQLite3 {
  constructor(url: string) {
    const file = sqliteFilePath(url);
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    super({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  }

  override async connect() {
    const adapter = await super.connect();
    tuneConnection((adapter as unknown as { client: Database.Database }).client);
    return adapter;
  }

  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    tuneConnection((adapter as unknown as { client: Database.Database }).client);
    return adapter;
  }
}

/** Applies the pragmas and the immediate-transaction rewrite to one of Prisma's connections. */
export function tuneConnection(db: Database.Database): void {
  applyPragmas(db, { busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS });
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => prepare(source.trim().toUpperCase() === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as typeof db.prepare;
}

/**
 * The pragmas every connection to the file gets. The busy timeout is 0 for a
 * connection that retries asynchronously instead (lib/db/direct-sql.ts).
 */
export function applyPragmas(db: Database.Database, { busyTimeoutMs }: { busyTimeoutMs: number }): void {
  db.pragma("journal_mode = WAL");
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
}
