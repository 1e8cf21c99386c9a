import type { Prisma } from "@/generated/sqlite";
import { anchorFields, type ClaimDto } from "@/lib/schemas/claim";
import { claimPermissions, type ClaimActor } from "@/lib/policies/claim";
import { anchorFieldsSelect } from "@/lib/server/claims/anchor-fields-select";

/** The columns every claim read selects. */
export const claimSelect = {
  id: true,
  articleId: true,
  versionId: true,
  authorId: true,
  ...anchorFieldsSelect,
  verdict: true,
  rationaleHtml: true,
  speaker: true,
  firstAppearanceUrl: true,
  firstAppearanceDate: true,
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  roundId: true,
  anchorState: true,
  anchorScore: true,
  author: { select: { id: true, name: true } },
  round: { select: { status: true } },
  // How many live evidence links it has: the page fetches a card's evidence only when there is some (or the card is selected).
  _count: { select: { evidenceLinks: { where: { deletedAt: null } } } },
} as const;

/** A claim as every read selects it (claimSelect); a create returns the same shape (./insert-annotation.ts). */
export type ClaimRow = Prisma.AnnotationGetPayload<{ select: typeof claimSelect }>;

export function toClaimDto(row: ClaimRow, actor: ClaimActor): ClaimDto {
  return {
    id: row.id,
    articleId: row.articleId,
    versionId: row.versionId,
    ...anchorFields(row),
    verdict: row.verdict,
    rationaleHtml: row.rationaleHtml,
    speaker: row.speaker,
    firstAppearanceUrl: row.firstAppearanceUrl,
    firstAppearanceDate: row.firstAppearanceDate,
    status: row.status,
    version: row.version,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    roundId: row.roundId,
    anchorState: row.anchorState,
    anchorScore: row.anchorScore,
    evidenceCount: row._count.evidenceLinks,
    can: claimPermissions(actor, row),
  };
}
