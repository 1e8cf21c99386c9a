/**
 * A fresh, migrated bench database for benchmarks that call use cases in
 * process: SQLite under data/bench/ (re-created) unless BENCH_DATABASE_URL
 * names one (e.g. a PostgreSQL database). Sets DATABASE_URL, so import
 * lib/db only after calling it: the client reads the URL once. Throws with
 * migrate's output when the migration fails.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { PRISMA_OFFLINE_ENV } from "../../scripts/prisma-env";

export function prepareBenchDatabase(name: string): string {
  const url = process.env.BENCH_DATABASE_URL ?? `file:./data/bench/${name}.db`;
  if (!process.env.BENCH_DATABASE_URL) {
    mkdirSync("data/bench", { recursive: true });
    for (const s of ["", "-wal", "-shm"]) rmSync(`data/bench/${name}.db${s}`, { force: true });
  }
  process.env.DATABASE_URL = url;
  const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, ...PRISMA_OFFLINE_ENV }, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`migrate deploy failed on the bench database:\n${migrate.stdout}${migrate.stderr}`);
  return url;
}
