/**
 * Prisma CLI configuration. The database is chosen by DATABASE_URL: SQLite
 * (the default, a file under data/) or PostgreSQL. Each has its own schema
 * copy and its own migrations. The CLI runs its JavaScript schema engine
 * through the same driver adapters as the app, so it never downloads a
 * native engine.
 */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, databaseKind } from "./lib/db/database-url";
import { ClaimdeskSqliteAdapterFactory } from "./lib/db/sqlite-adapter";
import { NameAsTextPool } from "./lib/db/pg-name-oid-shim";
import { WholeScriptPg } from "./lib/db/pg-script-shim";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const kind = databaseKind(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", kind, "schema.prisma"),
  migrations: { path: path.join("prisma", kind, "migrations") },
  async adapter() {
    if (kind === "postgres") return new WholeScriptPg(new NameAsTextPool({ connectionString: url, max: 2 }));
    return new ClaimdeskSqliteAdapterFactory(url);
  },
});
