/**
 * A fresh, migrated bench database for a benchmark: SQLite under data/bench/
 * (re-created) unless BENCH_DATABASE_URL names a PostgreSQL server. There
 * the benchmark gets a database of its own beside the one named,
 * `<database>_<benchmark>` (claimdesk_bench_export), dropped and created
 * again each run by the test runner's recreatePostgresDatabase
 * (scripts/test-db.ts, local servers only): figures from a database that
 * grew with every earlier run (365,000 claims in one that was reused) are
 * not comparable from run to run. The database named is never written.
 * Sets DATABASE_URL, so import lib/db only after calling it: the client
 * reads the URL once. Throws with migrate's output when the migration fails.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { PRISMA_OFFLINE_ENV } from "../../scripts/prisma-env";
import { recreatePostgresDatabase } from "../../scripts/test-db";

/** The database of benchmark `name`: its SQLite file, or its own PostgreSQL database beside BENCH_DATABASE_URL's. */
export function benchDatabaseUrl(name: string): string {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) return `file:./data/bench/${name}.db`;
  const own = new URL(server);
  own.pathname = `/${`${own.pathname.slice(1) || "claimdesk_bench"}_${name}`.replace(/[^a-zA-Z0-9_]/g, "_")}`;
  return own.toString();
}

export async function prepareBenchDatabase(name: string): Promise<string> {
  const url = benchDatabaseUrl(name);
  const server = process.env.BENCH_DATABASE_URL;
  if (server) await recreatePostgresDatabase(server, new URL(url).pathname.slice(1));
  else {
    mkdirSync("data/bench", { recursive: true });
    for (const s of ["", "-wal", "-shm"]) rmSync(`data/bench/${name}.db${s}`, { force: true });
  }
  process.env.DATABASE_URL = url;
  const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, ...PRISMA_OFFLINE_ENV }, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`migrate deploy failed on the bench database:\n${migrate.stdout}${migrate.stderr}`);
  return url;
}
