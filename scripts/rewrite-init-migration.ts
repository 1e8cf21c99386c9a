/**
 * Before the first release only: rewrites the single `init` migration of both
 * databases from prisma/models.prisma, regenerates the clients, and tells you
 * to delete stale local databases. Once Claimdesk has shipped, write a new
 * migration with `npm run db:diff -- <name>` instead.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { PRISMA_OFFLINE_ENV } from "./prisma-env";

execFileSync("npx", ["tsx", "scripts/write-schemas.ts"], { stdio: "inherit" });
for (const kind of ["sqlite", "postgres"]) {
  const dirs = readdirSync(`prisma/${kind}/migrations`).filter((d) => /^\d+_/.test(d));
  if (dirs.length !== 1 || !dirs[0]!.endsWith("_init"))
    throw new Error(`prisma/${kind}/migrations has more than the init migration: use npm run db:diff`);
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", `prisma/${kind}/schema.prisma`, "--script"],
    { env: { ...process.env, ...PRISMA_OFFLINE_ENV } },
  ).toString();
  writeFileSync(`prisma/${kind}/migrations/${dirs[0]}/migration.sql`, sql);
  console.log(`rewrote prisma/${kind}/migrations/${dirs[0]}/migration.sql`);
}
execFileSync("npx", ["tsx", "scripts/generate-clients.ts"], { stdio: "inherit" });
console.log(
  "Delete data/claimdesk.db* (and recreate PostgreSQL dev databases) to pick the change up; test databases are rebuilt by npm test.",
);
