import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/busy-retry";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { TeamSettingsDto, TeamSettingsInput } from "@/lib/schemas/team";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/require-permission";
import { ratingScaleSchema, readRatingScale } from "@/lib/schemas/rating-scale";
import { tagKey, tagMapSchema } from "@/lib/schemas/tag-map";
import { reportTeamSelect, type ReportTeamRow } from "@/lib/server/reports/report-team";

/** What a report reads of the team (its name, publisher and wording), with the import's tag mapping and the row version. */
const settingsSelect = { ...reportTeamSelect, importTagMap: true, version: true } as const;

type SettingsRow = Required<ReportTeamRow> & { importTagMap: unknown; version: number };

function toSettingsDto(t: SettingsRow): TeamSettingsDto {
  return {
    id: t.id,
    name: t.name,
    slug: t.slug,
    publisherName: t.publisherName,
    publisherUrl: t.publisherUrl,
    publisherLogoUrl: t.publisherLogoUrl,
    verdictLabels: { verified: t.labelVerified, disputed: t.labelDisputed, unsourced: t.labelUnsourced },
    ratingScale: readRatingScale(t.ratingScale),
    ratingScaleSet: ratingScaleSchema.safeParse(t.ratingScale).success,
    importTagMap: tagMapSchema.safeParse(t.importTagMap).data ?? {},
    language: t.language,
    version: t.version,
  };
}

/** GET /api/team/settings: every member may read them (reports use them); only admins change them. */
export async function getTeamSettings(user: CurrentUser): Promise<TeamSettingsDto> {
  return toSettingsDto(await db.team.findUniqueOrThrow({ where: { id: user.teamId }, select: settingsSelect }));
}

/** PATCH /api/team/settings: name, slug, publisher and verdict wording, against the version read (409 when stale). */
export async function updateTeamSettings(user: CurrentUser, input: TeamSettingsInput): Promise<TeamSettingsDto> {
  requirePermission(user, "settings.edit");
  const { version, verdictLabels, ratingScale, importTagMap, ...fields } = input;
  const data = {
    ...fields,
    // Cleared as {} (not a scale, so the default applies): a JSON column's null needs the client's own DbNull.
    ...(ratingScale !== undefined ? { ratingScale: ratingScale ?? {} } : {}),
    ...(importTagMap !== undefined
      ? { importTagMap: importTagMap ? Object.fromEntries(Object.entries(importTagMap).map(([t, v]) => [tagKey(t), v])) : {} }
      : {}),
    ...(verdictLabels?.verified !== undefined ? { labelVerified: verdictLabels.verified } : {}),
    ...(verdictLabels?.disputed !== undefined ? { labelDisputed: verdictLabels.disputed } : {}),
    ...(verdictLabels?.unsourced !== undefined ? { labelUnsourced: verdictLabels.unsourced } : {}),
  };
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.team.findUniqueOrThrow({ where: { id: user.teamId }, select: settingsSelect });
      if (data.slug && data.slug !== before.slug && (await tx.team.count({ where: { slug: data.slug } }))) {
        throw new AppError("CONFLICT", `The slug "${data.slug}" is taken by another team.`, { field: "slug" });
      }
      const done = await tx.team.updateMany({ where: { id: user.teamId, version }, data: { ...data, version: { increment: 1 } } });
      if (done.count === 0)
        throw new AppError("CONFLICT", "Someone changed the settings in the meantime.", { current: toSettingsDto(before) });
      const after = await tx.team.findUniqueOrThrow({ where: { id: user.teamId }, select: settingsSelect });
      await recordAuditEvent(tx, {
        teamId: user.teamId,
        actorId: user.id,
        action: "team.update",
        objectType: "team",
        objectId: user.teamId,
        before,
        after,
      });
      return toSettingsDto(after);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `The slug "${data.slug}" is taken by another team.`, { field: "slug" });
    throw e;
  }
}
