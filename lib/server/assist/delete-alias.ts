import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AliasDto } from "@/lib/schemas/assist";
import { canEditAliases } from "@/lib/policies/assist";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { dropTeamIndex } from "./sentence-index";
import { markTeamUnindexed } from "./team-backfill";
import { aliasSelect, toAliasDto } from "./alias-dto";

/** DELETE /api/assist/aliases/{id}?version=N: tombstones a team alias (editors and admins); 409 when it changed since. */
export async function deleteAlias(user: CurrentUser, aliasId: string, version: number): Promise<AliasDto> {
  if (!canEditAliases(user)) throw new AppError("FORBIDDEN", "Only editors and admins may change the alias table.");
  const row = await db.$transaction(async (tx) => {
    const before = await tx.teamAlias.findFirst({ where: { id: aliasId, teamId: user.teamId, deletedAt: null }, select: aliasSelect });
    if (!before) throw notFound("Alias not found.");
    const { count } = await tx.teamAlias.updateMany({
      where: { id: aliasId, teamId: user.teamId, version },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    if (!count) throw new AppError("CONFLICT", "This alias changed in the meantime.", { current: toAliasDto(before) });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "assist.alias.delete",
      objectType: "teamAlias",
      objectId: aliasId,
      before,
    });
    return before;
  });
  await dropTeamIndex(user.teamId);
  markTeamUnindexed(user.teamId);
  return toAliasDto(row);
}
