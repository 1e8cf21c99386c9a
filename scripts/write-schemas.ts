/**
 * Writes prisma/sqlite/schema.prisma and prisma/postgres/schema.prisma from
 * prisma/models.prisma, so the two databases share one model definition.
 * `--check` exits 1 when a committed copy is stale (used by the unit tests).
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const PROVIDERS = { sqlite: "sqlite", postgres: "postgresql" } as const;
const PLACEHOLDER_URLS = { sqlite: "file:./unused.db", postgres: "postgresql://localhost/unused" } as const;

/** The full schema text for one database. */
export function schemaFor(kind: keyof typeof PROVIDERS): string {
  const models = readFileSync(path.join(root, "prisma/models.prisma"), "utf8");
  return `// GENERATED from prisma/models.prisma by scripts/write-schemas.ts. Do not edit.

generator client {
  provider   = "prisma-client-js"
  output     = "../../generated/${kind}"
  engineType = "client"
  // A \`where\` value of undefined is an error, not "no filter" (use Prisma.skip on purpose).
  previewFeatures = ["strictUndefinedChecks"]
}

datasource db {
  provider = "${PROVIDERS[kind]}"
  // Not used: the app (lib/db) and the CLI (prisma.config.ts) connect through driver adapters.
  url      = "${PLACEHOLDER_URLS[kind]}"
}

${models}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const check = process.argv.includes("--check");
  let stale = false;
  for (const kind of Object.keys(PROVIDERS) as (keyof typeof PROVIDERS)[]) {
    const file = path.join(root, "prisma", kind, "schema.prisma");
    const text = schemaFor(kind);
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {
      /* missing */
    }
    if (current === text) continue;
    if (check) {
      console.error(`${file} is stale: run npm run db:schemas`);
      stale = true;
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${path.relative(root, file)}`);
  }
  process.exit(stale ? 1 : 0);
}
