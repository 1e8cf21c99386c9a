import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { findArticle } from "@/lib/server/articles/find-article";
import { annotationVisibilityWhere } from "@/lib/server/reviews/annotation-visibility";
import { claimSelect, toClaimDto } from "./claim-dto";

/**
 * GET /api/articles/{id}/claims: the live claims on the article's current
 * version, in text order, as far as blind review lets the caller see them
 * (lib/policies/round.ts).
 */
export async function listClaims(user: CurrentUser, articleId: string) {
  const { current } = await findArticle(user.teamId, articleId);
  const rows = await db.annotation.findMany({
    where: { teamId: user.teamId, articleId, versionId: current.id, deletedAt: null, ...(await annotationVisibilityWhere(user, articleId, current.id)) },
    select: claimSelect,
    orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => toClaimDto(row, user));
}
