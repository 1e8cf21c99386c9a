import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { MAX_ALIASES, type AliasDto, type CreateAliasInput } from "@/lib/schemas/assist";
import { canEditAliases } from "@/lib/policies/assist";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { dropTeamIndex } from "./sentence-index";
import { markTeamUnindexed } from "./team-backfill";
import { aliasKey, aliasSelect, toAliasDto } from "./alias-dto";

/**
 * POST /api/assist/aliases: a new team alias (editors and admins). 409 when the
 * phrase already has a live team alias. Entity terms of the whole index depend
 * on aliases, so the team's index is dropped and rebuilt as articles are used.
 */
export async function createAlias(user: CurrentUser, input: CreateAliasInput): Promise<AliasDto> {
  if (!canEditAliases(user)) throw new AppError("FORBIDDEN", "Only editors and admins may change the alias table.");
  const key = aliasKey(input.alias);
  if (!key) throw new AppError("INVALID_INPUT", "The alias has no letters or digits.", { field: "alias" });
  const row = await db.$transaction(async (tx) => {
    const taken = await tx.teamAlias.findFirst({ where: { teamId: user.teamId, aliasKey: key, deletedAt: null }, select: aliasSelect });
    if (taken) throw new AppError("CONFLICT", "This phrase already has an alias.", { current: toAliasDto(taken) });
    if ((await tx.teamAlias.count({ where: { teamId: user.teamId, deletedAt: null } })) >= MAX_ALIASES) {
      throw new AppError("INVALID_INPUT", `A team keeps at most ${MAX_ALIASES} aliases.`, { field: "alias" });
    }
    const created = await tx.teamAlias.create({
      data: { teamId: user.teamId, alias: input.alias, aliasKey: key, canonical: input.canonical, createdById: user.id },
      select: aliasSelect,
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "assist.alias.create",
      objectType: "teamAlias",
      objectId: created.id,
      after: created,
    });
    return created;
  });
  await dropTeamIndex(user.teamId);
  markTeamUnindexed(user.teamId);
  return toAliasDto(row);
}
