import { db } from "@/lib/db";
import { compileAliases, type AliasTable } from "@/lib/assist/aliases";

/** The team's alias table: the built-in aliases with the team's live entries on top (lib/assist/aliases.ts). */
export async function teamAliasTable(teamId: string): Promise<AliasTable> {
  const rows = await db.teamAlias.findMany({ where: { teamId, deletedAt: null }, select: { alias: true, canonical: true }, orderBy: { createdAt: "asc" } });
  return compileAliases(rows);
}
