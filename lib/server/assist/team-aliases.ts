import { db } from "@/lib/db";
import type { Alias } from "@/lib/assist/aliases";

/** The team's live aliases (lib/assist/aliases.ts compiles them on top of the built-in ones). */
export async function teamAliases(teamId: string): Promise<Alias[]> {
  return db.teamAlias.findMany({
    where: { teamId, deletedAt: null },
    select: { alias: true, canonical: true },
    orderBy: { createdAt: "asc" },
  });
}
