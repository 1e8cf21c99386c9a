/** A throwaway test database on the server DATABASE_URL names (default: an SQLite file under data/test/). */
import { rmSync, mkdirSync } from "node:fs";
import pg from "pg";
import { DEFAULT_DATABASE_URL, databaseKind, isLocalDatabase, type DatabaseKind } from "@/lib/db/database-url";

/** Parallel runs on one machine (CLAIMDESK_TEST_SLOT=n) get their own database, port and build folder. */
const SLOT = process.env.CLAIMDESK_TEST_SLOT ? `-${process.env.CLAIMDESK_TEST_SLOT}` : "";
const SQLITE_TEST_FILE = `data/test/claimdesk-test${SLOT}.db`;
export const SQLITE_TEST_URL = `file:./${SQLITE_TEST_FILE}`;

/** Creates (or re-creates) an empty test database and returns its URL. Refuses non-local servers. */
export async function createTestDatabase(
  baseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
): Promise<{ url: string; kind: DatabaseKind }> {
  if (!isLocalDatabase(baseUrl)) throw new Error(`Refusing to test against a non-local database: ${redact(baseUrl)}`);
  if (databaseKind(baseUrl) === "sqlite") {
    mkdirSync("data/test", { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${SQLITE_TEST_FILE}${suffix}`, { force: true });
    return { url: SQLITE_TEST_URL, kind: "sqlite" };
  }
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1) || "claimdesk"}_test${SLOT.replace("-", "_")}`.replace(/[^a-zA-Z0-9_]/g, "_");
  return { url: await recreatePostgresDatabase(baseUrl, name), kind: "postgres" };
}

/**
 * Drops and creates database `name` on the PostgreSQL server of `serverUrl`
 * and returns its URL. Refuses non-local servers. The test runner's
 * databases, a test's fresh install (tests/support/fresh-database.ts) and
 * the benchmarks' (bench/support/bench-database.ts).
 */
export async function recreatePostgresDatabase(serverUrl: string, name: string): Promise<string> {
  await onMaintenanceDatabase(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops database `name` on the PostgreSQL server of `serverUrl`, if it exists. Refuses non-local servers. */
export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  await onMaintenanceDatabase(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Runs `work` on the server's maintenance database (the one the URL names
 * may not exist), refusing non-local servers, and closes the connection
 * whatever `work` does.
 */
async function onMaintenanceDatabase(serverUrl: string, work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  if (!isLocalDatabase(serverUrl)) throw new Error(`Refusing to drop a database on a non-local server: ${redact(serverUrl)}`);
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${redact(serverUrl)} (${(e as Error).message}).\n` +
        "Install and start it: apt-get install -y postgresql && service postgresql start\n" +
        "(or run .ci/run, which does both), or unset DATABASE_URL to test on SQLite only.",
    );
  }
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
