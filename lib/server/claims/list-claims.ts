import { db } from "@/lib/db";
import { limits } from "@/lib/quotas/limits";
import type { ClaimDto } from "@/lib/schemas/claim";
import { findArticle, type FoundArticle } from "@/lib/server/articles/find-article";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";
import { claimSelect, toClaimDto } from "./claim-dto";
import { readAllClaimRows } from "./read-all-claims";

/** One page of an article's claims, with what a client needs to fetch the others. */
export type ClaimsPage = { claims: ClaimDto[]; total: number; pageSize: number };

/**
 * GET /api/articles/{id}/claims: the live claims on the article's current
 * version, in text order, as far as blind review lets the caller see them
 * (lib/policies/visibility.ts), CLAIMDESK_CLAIMS_PAGE_SIZE at a time (`page`
 * counts from 1). An article with fewer claims than a page answers them all
 * on page 1 without a count query; past a page, the count tells the client
 * how many more pages to fetch (in parallel). Text order with the id last
 * is total, so pages neither overlap nor skip while nothing changes; a change
 * between page reads publishes a live event, and the client reads again.
 */
export async function listClaimsPage(user: Viewer, articleId: string, page = 1): Promise<ClaimsPage> {
  const { current } = await findArticle(user.teamId, articleId);
  const pageSize = limits().CLAIMDESK_CLAIMS_PAGE_SIZE;
  const where = liveClaimsOf(user, articleId, current.id);
  const rows = await db.annotation.findMany({
    where,
    select: claimSelect,
    orderBy: TEXT_ORDER,
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  const total = page === 1 && rows.length < pageSize ? rows.length : await db.annotation.count({ where });
  return { claims: rows.map((row) => toClaimDto(row, user)), total, pageSize };
}

/** Text order with the id last: total, so pages neither overlap nor skip. */
const TEXT_ORDER = [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }, { id: "asc" }] as const satisfies object[];

/** The live claims on the version the viewer may see. */
const liveClaimsOf = (user: Viewer, articleId: string, versionId: string) => ({
  AND: [visibleAnnotationWhere(user.visibility), { articleId, versionId, deletedAt: null }],
});

/**
 * Every live claim of the article that the viewer may see, in text order,
 * in one query: what the article page's first response holds (the same list
 * the browser would otherwise read page by page), read past Prisma
 * (./read-all-claims.ts). `found`: the caller's findArticle of the same
 * article and team (the article page reads it once, and its claims then
 * belong to the very version whose text the page shows).
 */
export async function listAllClaims(user: Viewer, articleId: string, found?: FoundArticle): Promise<ClaimDto[]> {
  const rows = await readAllClaimRows(user.visibility, articleId, found?.current.id);
  return rows.map((row) => toClaimDto(row, user));
}

/** The first page of claims (every claim of an article smaller than a page). */
export async function listClaims(user: Viewer, articleId: string): Promise<ClaimDto[]> {
  return (await listClaimsPage(user, articleId)).claims;
}
