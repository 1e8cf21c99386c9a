import { Prisma } from "@/generated/sqlite";
import { pgPool } from "@/lib/db";
import { fromPrismaSql, readRows, sql } from "@/lib/db/direct-sql";
import { notFound } from "@/lib/errors";
import type { Visibility } from "@/lib/policies/visibility";
import { visibleAnnotationSql } from "@/lib/server/visibility/visible-where";
import type { ClaimRow } from "./claim-dto";

/**
 * Every live claim on an article's current version that `visibility` lets
 * its viewer see, in text order, as the rows claimSelect reads (so
 * toClaimDto makes the same DTOs): the article page's first response holds
 * them all. Two statements on lib/db/direct-sql.ts: at 5,000 claims the
 * Prisma read (findMany with the author, the round and the evidence count)
 * cost 200–450 ms of the server's CPU before the page's first byte, for rows
 * the driver returns in a fraction of that. The blind-review rule is
 * visibleAnnotationSql, the SQL form of the one visibility policy;
 * tests/integration/read-all-claims.test.ts compares the result with the
 * API's Prisma read (listClaimsPage) for every member of a blind desk.
 * Throws 404 when the article is not the team's live article.
 */
export async function readAllClaimRows(visibility: Visibility, articleId: string): Promise<ClaimRow[]> {
  const [current] = await readRows<{ id: string }>(sql`
    SELECT v."id" AS "id" FROM "ArticleVersion" v JOIN "Article" a ON a."id" = v."articleId"
    WHERE a."id" = ${articleId} AND a."teamId" = ${visibility.teamId} AND a."deletedAt" IS NULL
    ORDER BY v."number" DESC LIMIT 1`);
  if (!current) throw notFound("Article not found.");
  const rows = await readRows<Row>(fromPrismaSql(claimsSql(visibility, articleId, current.id)));
  return rows.map((r): ClaimRow => ({
    id: r.id,
    articleId: r.articleId,
    versionId: r.versionId,
    authorId: r.authorId,
    start: Number(r.start),
    end: Number(r.end),
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    verdict: r.verdict,
    rationaleHtml: r.rationaleHtml,
    speaker: r.speaker,
    firstAppearanceUrl: r.firstAppearanceUrl,
    firstAppearanceDate: r.firstAppearanceDate,
    status: r.status,
    version: Number(r.version),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    deletedAt: null,
    roundId: r.roundId,
    anchorState: r.anchorState,
    anchorScore: r.anchorScore === null ? null : Number(r.anchorScore),
    author: { id: r.authorId, name: r.authorName },
    round: r.roundStatus === null ? null : { status: r.roundStatus },
    _count: { evidenceLinks: Number(r.evidenceCount) },
  }));
}

type Row = Omit<ClaimRow, "author" | "round" | "_count" | "createdAt" | "updatedAt" | "deletedAt"> & {
  createdAt: string | Date;
  updatedAt: string | Date;
  authorName: string | null;
  roundStatus: NonNullable<ClaimRow["round"]>["status"] | null;
  evidenceCount: number | string;
};

/**
 * SQLite stores Prisma's DateTime as ISO text with its zone; PostgreSQL's
 * `timestamp` holds UTC without one, which pg alone would read as local time.
 */
const utc = (column: string) => Prisma.raw(pgPool ? `a."${column}" AT TIME ZONE 'UTC'` : `a."${column}"`);

/** The live claims of the version the viewer may see, with claimSelect's author, round status and live evidence count, in text order (list-claims.ts). */
const claimsSql = (visibility: Visibility, articleId: string, versionId: string) => Prisma.sql`
  SELECT a."id", a."articleId", a."versionId", a."authorId", a."start", a."end", a."exact", a."prefix", a."suffix", a."verdict",
    a."rationaleHtml", a."speaker", a."firstAppearanceUrl", a."firstAppearanceDate", a."status", a."version",
    ${utc("createdAt")} AS "createdAt", ${utc("updatedAt")} AS "updatedAt", a."roundId", a."anchorState", a."anchorScore",
    u."name" AS "authorName", r."status" AS "roundStatus",
    (SELECT COUNT(*) FROM "EvidenceLink" l WHERE l."annotationId" = a."id" AND l."deletedAt" IS NULL) AS "evidenceCount"
  FROM "Annotation" a JOIN "User" u ON u."id" = a."authorId" LEFT JOIN "ReviewRound" r ON r."id" = a."roundId"
  WHERE ${visibleAnnotationSql(visibility, "a")} AND a."articleId" = ${articleId} AND a."versionId" = ${versionId} AND a."deletedAt" IS NULL
  ORDER BY a."start" ASC, a."end" DESC, a."createdAt" ASC, a."id" ASC`;
