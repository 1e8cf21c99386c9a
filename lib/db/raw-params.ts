import { env } from "@/lib/env";
import { databaseKind } from "./database-url";

/**
 * The parameters of one raw statement for `$executeRawUnsafe`, written the
 * same for SQLite and PostgreSQL: `mark(value)` adds a value and returns its
 * marker, `$n` on PostgreSQL and `?` on SQLite (positional), so values must be
 * marked in the order the SQL text uses them.
 */
export function rawParams() {
  const pg = databaseKind(env().DATABASE_URL) === "postgres";
  const params: unknown[] = [];
  const mark = (value: unknown) => {
    params.push(value);
    return pg ? `$${params.length}` : "?";
  };
  return { params, mark };
}
