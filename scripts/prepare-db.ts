/**
 * Brings the database named by DATABASE_URL (default: SQLite under data/) up
 * to date: applies pending migrations, then seeds the demo desk if the
 * database has no team yet. It never wipes data.
 */
import { execFileSync } from "node:child_process";
import { PRISMA_OFFLINE_ENV } from "./prisma-env";

export async function prepareDatabase(opts: { seed?: boolean; quiet?: boolean } = {}): Promise<void> {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: opts.quiet ? "pipe" : ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...PRISMA_OFFLINE_ENV },
  });
  if (opts.seed === false) return;
  // Imported after migrating: the client must not open the database first.
  const { db } = await import("@/lib/db");
  const { seedDemo } = await import("@/seeds/demo");
  if ((await db.team.count()) === 0) {
    const { created } = await seedDemo(db);
    if (!opts.quiet) console.log(`Seeded the demo desk (${created} records).`);
  }
  await db.$disconnect();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareDatabase({ seed: !process.argv.includes("--no-seed") });
}
