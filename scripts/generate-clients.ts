/** Generates both Prisma clients (SQLite and PostgreSQL) from their schema copies, offline. */
import { execFileSync } from "node:child_process";
import { PRISMA_OFFLINE_ENV } from "./prisma-env";

for (const kind of ["sqlite", "postgres"]) {
  execFileSync("npx", ["prisma", "generate", "--schema", `prisma/${kind}/schema.prisma`], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...PRISMA_OFFLINE_ENV },
  });
}
console.log("Generated the Prisma clients for SQLite and PostgreSQL.");
