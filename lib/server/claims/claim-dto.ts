import type { AnchorState, ClaimDto, Verdict } from "@/lib/schemas/claim";
import { claimPermissions, type ClaimActor } from "@/lib/policies/claim";

/** The claim's own columns (no relations: a create can return them without a second query). */
export const claimColumns = {
  id: true,
  articleId: true,
  versionId: true,
  authorId: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
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
} as const;

/** The columns every claim read selects. */
export const claimSelect = {
  ...claimColumns,
  author: { select: { id: true, name: true } },
  round: { select: { status: true } },
  // How many live evidence links it has: the page fetches a card's evidence only when there is some (or the card is selected).
  _count: { select: { evidenceLinks: { where: { deletedAt: null } } } },
} as const;

type ClaimRow = {
  id: string;
  articleId: string;
  versionId: string;
  authorId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  verdict: string;
  rationaleHtml: string;
  speaker?: string | null;
  firstAppearanceUrl?: string | null;
  firstAppearanceDate?: string | null;
  status: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  author: { id: string; name: string | null };
  /** The review round it was made in; `round` carries its status for the lock rules. */
  roundId?: string | null;
  round?: { status: string } | null;
  /** Where the claim stands after corrections; absent means anchored. */
  anchorState?: string;
  anchorScore?: number | null;
  /** Live evidence links; absent on a claim just created (none yet). */
  _count?: { evidenceLinks: number };
};

export function toClaimDto(row: ClaimRow, actor: ClaimActor): ClaimDto {
  return {
    id: row.id,
    articleId: row.articleId,
    versionId: row.versionId,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    verdict: row.verdict as Verdict,
    rationaleHtml: row.rationaleHtml,
    speaker: row.speaker ?? null,
    firstAppearanceUrl: row.firstAppearanceUrl ?? null,
    firstAppearanceDate: row.firstAppearanceDate ?? null,
    status: row.status as ClaimDto["status"],
    version: row.version,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    roundId: row.roundId ?? null,
    anchorState: (row.anchorState ?? "anchored") as AnchorState,
    anchorScore: row.anchorScore ?? null,
    evidenceCount: row._count?.evidenceLinks ?? 0,
    can: claimPermissions(actor, row),
  };
}
