import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { ArticleVersionDto } from "@/lib/schemas/article";
import { findArticle } from "./find-article";

/** The columns of a version summary (no text). */
export const versionSummarySelect = {
  id: true,
  number: true,
  length: true,
  textHash: true,
  reason: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

type SummaryRow = {
  id: string;
  number: number;
  length: number;
  textHash: string;
  reason: string | null;
  createdAt: Date;
  createdBy: { id: string; name: string | null } | null;
};

export function toVersionDto(row: SummaryRow, currentNumber: number): ArticleVersionDto {
  const { id, number, length, textHash, reason, createdBy } = row;
  return { id, number, length, textHash, reason, createdBy, createdAt: row.createdAt.toISOString(), current: number === currentNumber };
}

/** GET /api/articles/{id}/versions: every version of the article, newest first. Old versions are never changed. */
export async function listVersions(user: CurrentUser, articleId: string): Promise<ArticleVersionDto[]> {
  const { current } = await findArticle(user.teamId, articleId);
  const rows = await db.articleVersion.findMany({
    where: { articleId, article: { teamId: user.teamId } },
    select: versionSummarySelect,
    orderBy: { number: "desc" },
  });
  return rows.map((r) => toVersionDto(r, current.number));
}
