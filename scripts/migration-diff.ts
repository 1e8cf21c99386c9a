/**
 * `npm run db:diff -- <name>`: writes a new migration for both databases from
 * the change to prisma/models.prisma since the last commit.
 *
 * `prisma migrate dev` cannot run offline (P1014), so migrations are written
 * with `prisma migrate diff --script` from the committed schema copy to the
 * current one: no database and no shadow database are needed.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PRISMA_OFFLINE_ENV } from "./prisma-env";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:diff -- <snake_case_name>");
  process.exit(2);
}
execFileSync("npx", ["tsx", "scripts/write-schemas.ts"], { stdio: "inherit" });
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const tmp = mkdtempSync(path.join(tmpdir(), "claimdesk-schema-"));
for (const kind of ["sqlite", "postgres"]) {
  const schema = `prisma/${kind}/schema.prisma`;
  const previous = path.join(tmp, `${kind}.prisma`);
  writeFileSync(previous, execFileSync("git", ["show", `HEAD:${schema}`]));
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", schema, "--script"],
    { env: { ...process.env, ...PRISMA_OFFLINE_ENV } },
  ).toString();
  if (!sql.trim() || /This is an empty migration/.test(sql)) {
    console.log(`${kind}: no change`);
    continue;
  }
  const dir = `prisma/${kind}/migrations/${stamp}_${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/migration.sql`, sql);
  console.log(`wrote ${dir}/migration.sql`);
}
