/**
 * An empty, migrated database of its own for a test that needs a fresh
 * install (the first-run setup): an SQLite file under data/test, or a
 * `<test db>_fresh_<n>` database on the local PostgreSQL server the suite
 * runs on. Refuses non-local servers, as the suite does.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { databaseKind, isLocalDatabase } from "@/lib/db/database-url";
import { PRISMA_OFFLINE_ENV } from "../../scripts/prisma-env";
import { dropPostgresDatabase, recreatePostgresDatabase } from "../../scripts/test-db";

export async function freshDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base || !process.env.CLAIMDESK_TEST_DB || !isLocalDatabase(base)) throw new Error("Run through `npm test` (a local test database).");
  const slot = process.env.CLAIMDESK_TEST_SLOT ?? "0";
  let url: string;
  let drop: () => Promise<void>;
  if (databaseKind(base) === "sqlite") {
    mkdirSync("data/test", { recursive: true });
    const file = `data/test/fresh-${slot}-${name}.db`;
    const clean = () => {
      for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${s}`, { force: true });
    };
    clean();
    url = `file:./${file}`;
    drop = async () => clean();
  } else {
    const db = `${new URL(base).pathname.slice(1)}_fresh_${slot}_${name}`.replace(/[^a-zA-Z0-9_]/g, "_");
    url = await recreatePostgresDatabase(base, db);
    drop = () => dropPostgresDatabase(base, db);
  }
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: "pipe",
    env: { ...process.env, DATABASE_URL: url, ...PRISMA_OFFLINE_ENV },
  });
  return { url, drop };
}
