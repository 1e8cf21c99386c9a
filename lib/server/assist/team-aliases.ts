import { db, type Db } from "@/lib/db";
import type { Alias } from "@/lib/assist/aliases";

/** The team's live aliases (lib/assist/aliases.ts compiles them on top of the built-in ones). */
export async function teamAliases(teamId: string, client: Pick<Db, "teamAlias"> = db): Promise<Alias[]> {
  return client.teamAlias.findMany({
    where: { teamId, deletedAt: null },
    select: { alias: true, canonical: true },
    orderBy: { createdAt: "asc" },
  });
}
