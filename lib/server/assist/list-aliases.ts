import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AliasListDto } from "@/lib/schemas/assist";
import { DEFAULT_ALIASES } from "@/lib/assist/aliases";
import { assistPermissions } from "@/lib/policies/assist";
import { aliasKey, aliasSelect, toAliasDto } from "./alias-dto";

/** GET /api/assist/aliases: the built-in aliases (not editable; a team entry for the same phrase replaces one) and the team's own. */
export async function listAliases(user: CurrentUser): Promise<AliasListDto> {
  const rows = await db.teamAlias.findMany({
    where: { teamId: user.teamId, deletedAt: null },
    select: aliasSelect,
    orderBy: { alias: "asc" },
  });
  const own = new Set(rows.map((r) => aliasKey(r.alias)));
  const builtIn = DEFAULT_ALIASES.filter((a) => !own.has(aliasKey(a.alias))).map((a) => ({
    id: `default:${aliasKey(a.alias)}`,
    ...a,
    version: 0,
    builtIn: true,
  }));
  return { aliases: [...rows.map(toAliasDto), ...builtIn], can: assistPermissions(user) };
}
