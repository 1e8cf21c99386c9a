import { PrismaClient as SqliteClient } from "@/generated/sqlite";
import { PrismaClient as PostgresClient } from "@/generated/postgres";
import { PrismaPg } from "@prisma/adapter-pg";
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

/** A client for the database `url` names: PostgreSQL for postgres:// URLs, SQLite otherwise. */
function createClient(url: string): Db {
  if (databaseKind(url) === "postgres") {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    return new PostgresClient({ adapter, ...OPTIONS }) as unknown as Db;
  }
  return createSqliteClient(url);
}

const globalForDb = globalThis as unknown as { claimdeskDb?: Db };

/** The shared client (one per process; kept across hot reloads in development). */
export const db: Db = globalForDb.claimdeskDb ?? createClient(env().DATABASE_URL);
if (process.env.NODE_ENV !== "production") globalForDb.claimdeskDb = db;

export { createClient };
