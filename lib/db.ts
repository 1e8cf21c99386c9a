import { PrismaClient as SqliteClient } from "@/generated/sqlite";
import { PrismaClient as PostgresClient } from "@/generated/postgres";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "./env";
import { databaseKind } from "./db/database-url";
import { ClaimdeskSqliteAdapterFactory } from "./db/sqlite-adapter";

// Password hashes never leave the database unless a query asks for them.
// (The generator's strictUndefinedChecks makes `where: { teamId: undefined }`
// an error instead of "no filter", so a missing team id cannot widen a query.)
const OPTIONS = { omit: { user: { passwordHash: true } } } as const;

const createSqliteClient = (url: string) => new SqliteClient({ adapter: new ClaimdeskSqliteAdapterFactory(url), ...OPTIONS });

/**
 * The app's Prisma client type. Both generated clients come from the same
 * models (prisma/models.prisma), so the SQLite client's types describe both.
 */
export type Db = ReturnType<typeof createSqliteClient>;

/**
 * A client for the database `url` names: PostgreSQL for postgres:// URLs,
 * SQLite otherwise. On PostgreSQL it runs on `pool` when given (the client's
 * $disconnect ends it), else on a pool of its own.
 */
function createClient(url: string, pool?: pg.Pool): Db {
  if (databaseKind(url) === "postgres") {
    const adapter = new PrismaPg(pool ?? new pg.Pool({ connectionString: url, max: 10 }), { disposeExternalPool: true });
    return new PostgresClient({ adapter, ...OPTIONS }) as unknown as Db;
  }
  return createSqliteClient(url);
}

const globalForDb = globalThis as unknown as { claimdeskDb?: Db; claimdeskPgPool?: pg.Pool | null };
const url = env().DATABASE_URL;

/**
 * On PostgreSQL, the shared client's connection pool, which lib/db/direct-sql.ts
 * also uses for the hot-path statements; null on SQLite.
 */
export const pgPool: pg.Pool | null =
  globalForDb.claimdeskPgPool !== undefined
    ? globalForDb.claimdeskPgPool
    : databaseKind(url) === "postgres"
      ? new pg.Pool({ connectionString: url, max: 10 })
      : null;

/** The shared client (one per process; kept across hot reloads in development). */
export const db: Db = globalForDb.claimdeskDb ?? createClient(url, pgPool ?? undefined);
if (process.env.NODE_ENV !== "production") {
  globalForDb.claimdeskDb = db;
  globalForDb.claimdeskPgPool = pgPool;
}

/**
 * Ends the shared client and, on PostgreSQL, its pool, so a script can exit
 * on its own. `$disconnect` may have ended the pool already (the adapter
 * disposes of it once it has connected through it); ending it twice throws.
 */
export async function closeDb(): Promise<void> {
  await db.$disconnect();
  // The adapter may already have ended (or be ending) the pool on $disconnect; a second end() throws.
  if (pgPool && !pgPool.ending && !pgPool.ended) await pgPool.end();
}

export { createClient };
