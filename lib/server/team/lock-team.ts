import type { Db } from "@/lib/db";

type Tx = Pick<Db, "$executeRaw">;

/**
 * Takes the team row's lock for the rest of the transaction (a no-op update:
 * PostgreSQL runs READ COMMITTED, so checks such as "one active admin is
 * left" must serialize on something; on SQLite the IMMEDIATE transaction
 * already does). See docs/databases.md, "Check-then-write inside one transaction".
 */
export async function lockTeam(tx: Tx, teamId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Team" SET "version" = "version" WHERE "id" = ${teamId}`;
}
