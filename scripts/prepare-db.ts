/**
 * Brings the database named by DATABASE_URL (default: SQLite under data/) up
 * to date: applies pending migrations, then seeds the demo desk if the
 * database has no team yet and the demo is wanted (demoWanted). It never
 * wipes data. Without the demo an empty install shows the setup page.
 */
import { execFileSync } from "node:child_process";
import { DEFAULT_DATABASE_URL, databaseKind } from "@/lib/db/database-url";
import { PRISMA_OFFLINE_ENV } from "./prisma-env";

/**
 * Whether an empty database gets the demo desk: CLAIMDESK_DEMO=1 or 0 says so;
 * otherwise yes on SQLite (the two-command quick start) and no on PostgreSQL
 * (a newsroom's own install starts empty, at the setup page).
 */
export function demoWanted(env: Record<string, string | undefined> = process.env): boolean {
  if (env.CLAIMDESK_DEMO === "1") return true;
  if (env.CLAIMDESK_DEMO === "0") return false;
  return databaseKind(env.DATABASE_URL || DEFAULT_DATABASE_URL) === "sqlite";
}

/** Migrates, and seeds the demo into an empty database when `seed` (default: demoWanted()); says whether it seeded. */
export async function prepareDatabase(opts: { seed?: boolean; quiet?: boolean } = {}): Promise<{ seeded: boolean }> {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: opts.quiet ? "pipe" : ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...PRISMA_OFFLINE_ENV },
  });
  if (!(opts.seed ?? demoWanted())) return { seeded: false };
  // Imported after migrating: the client must not open the database first.
  const { db } = await import("@/lib/db");
  const { seedDemo } = await import("@/seeds/demo");
  let seeded = false;
  if ((await db.team.count()) === 0) {
    const { created } = await seedDemo(db);
    seeded = true;
    if (!opts.quiet) console.log(`Seeded the demo desk (${created} records).`);
  }
  await db.$disconnect();
  return { seeded };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareDatabase(process.argv.includes("--no-seed") ? { seed: false } : {});
}
