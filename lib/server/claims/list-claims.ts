import { db } from "@/lib/db";
import { findArticle } from "@/lib/server/articles/find-article";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";
import { claimSelect, toClaimDto } from "./claim-dto";

/**
 * GET /api/articles/{id}/claims: the live claims on the article's current
 * version, in text order, as far as blind review lets the caller see them
 * (lib/policies/visibility.ts).
 */
export async function listClaims(user: Viewer, articleId: string) {
  const { current } = await findArticle(user.teamId, articleId);
  const rows = await db.annotation.findMany({
    where: { AND: [visibleAnnotationWhere(user.visibility), { articleId, versionId: current.id, deletedAt: null }] },
    select: claimSelect,
    orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => toClaimDto(row, user));
}
