import { Prisma } from "@/generated/sqlite";
import { pgPool } from "@/lib/db";
import { fromPrismaSql, readArrays, readRows, sql, type SqlStatement } from "@/lib/db/direct-sql";
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
 * `currentVersionId`: that article's current version, when the caller has
 * found the article already (the article page's findArticle).
 */
export async function readAllClaimRows(visibility: Visibility, articleId: string, currentVersionId?: string): Promise<ClaimRow[]> {
  const versionId = currentVersionId ?? (await currentVersion(visibility.teamId, articleId));
  // Arrays, not row objects: the driver makes these in half the time at 5,000 claims. Columns in claimColumns' order.
  const rows = await readArrays(fromPrismaSql(claimsSql(visibility, articleId, versionId)));
  return (rows as Row[]).map(toClaimRow);
}

/**
 * One claim if `visibility` lets its viewer see it (else null), as
 * claimSelect reads it, in one statement on the direct path where the Prisma
 * read cost about a millisecond of the server's CPU. Deleted claims too, or
 * with `live` only a live claim of a live article (GET /api/claims/{id},
 * which every open page of the article asks after a live event names the
 * claim).
 */
export async function readClaimRow(visibility: Visibility, claimId: string, opts: { live?: boolean } = {}): Promise<ClaimRow | null> {
  const [row] = await readArrays(visibleClaimRowSql(visibility, claimId, opts));
  return row ? toClaimRow(row as Row) : null;
}

/**
 * {@link readClaimRow}'s statement: also the read inside a change's
 * transaction (./change-claim.ts), whose row {@link claimRowOf} reads back.
 */
export function visibleClaimRowSql(visibility: Visibility, claimId: string, opts: { live?: boolean } = {}): SqlStatement {
  const live = opts.live
    ? Prisma.sql` AND a."deletedAt" IS NULL AND EXISTS (SELECT 1 FROM "Article" x WHERE x."id" = a."articleId" AND x."deletedAt" IS NULL)`
    : Prisma.empty;
  return fromPrismaSql(
    Prisma.sql`SELECT ${claimColumnsOf(Prisma.sql`(SELECT * FROM "Annotation" WHERE "id" = ${claimId} LIMIT 1)`)}
      WHERE ${visibleAnnotationSql(visibility, "a")}${live}`,
  );
}

/** A row of {@link visibleClaimRowSql} as the drivers return it (an object whose values are in column order) as a ClaimRow. */
export const claimRowOf = (row: Record<string, unknown>): ClaimRow => toClaimRow(Object.values(row) as Row);

/** A row of claimColumns, by position, as claimSelect reads it (the keys in claimSelect's order). */
function toClaimRow(r: Row): ClaimRow {
  const [id, articleId, versionId, authorId, start, end, exact, prefix, suffix, verdict, rationaleHtml, speaker] = r;
  const [, , , , , , , , , , , , firstAppearanceUrl, firstAppearanceDate, status, version, createdAt, updatedAt, roundId] = r;
  const [, , , , , , , , , , , , , , , , , , , anchorState, anchorScore, authorName, roundStatus, evidenceCount, deletedAt] = r;
  return {
    id,
    articleId,
    versionId,
    authorId,
    start: Number(start),
    end: Number(end),
    exact,
    prefix,
    suffix,
    verdict,
    rationaleHtml,
    speaker,
    firstAppearanceUrl,
    firstAppearanceDate,
    status,
    version: Number(version),
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt),
    deletedAt: deletedAt === null ? null : new Date(deletedAt),
    roundId,
    anchorState,
    anchorScore: anchorScore === null ? null : Number(anchorScore),
    author: { id: authorId, name: authorName },
    round: roundStatus === null ? null : { status: roundStatus },
    _count: { evidenceLinks: Number(evidenceCount) },
  };
}

/** The current version of the team's live article, or 404. */
async function currentVersion(teamId: string, articleId: string): Promise<string> {
  const [current] = await readRows<{ id: string }>(sql`
    SELECT v."id" AS "id" FROM "ArticleVersion" v JOIN "Article" a ON a."id" = v."articleId"
    WHERE a."id" = ${articleId} AND a."teamId" = ${teamId} AND a."deletedAt" IS NULL
    ORDER BY v."number" DESC LIMIT 1`);
  if (!current) throw notFound("Article not found.");
  return current.id;
}

/** A row of claimColumns, column by column (on PostgreSQL numbers may come as strings and dates as Dates). */
type Row = [
  ...[id: string, articleId: string, versionId: string, authorId: string, start: number | string, end: number | string],
  ...[exact: string, prefix: string, suffix: string, verdict: ClaimRow["verdict"], rationaleHtml: string, speaker: string | null],
  ...[firstAppearanceUrl: string | null, firstAppearanceDate: string | null, status: ClaimRow["status"], version: number | string],
  ...[createdAt: string | Date, updatedAt: string | Date, roundId: string | null, anchorState: ClaimRow["anchorState"]],
  ...[anchorScore: number | string | null, authorName: string, roundStatus: NonNullable<ClaimRow["round"]>["status"] | null],
  ...[evidenceCount: number | string, deletedAt: string | Date | null],
];

/**
 * SQLite stores Prisma's DateTime as ISO text with its zone; PostgreSQL's
 * `timestamp` holds UTC without one, which pg alone would read as local time.
 */
const utc = (column: string) => Prisma.raw(pgPool ? `a."${column}" AT TIME ZONE 'UTC'` : `a."${column}"`);

/**
 * claimSelect's columns (with its author's name, round status and live
 * evidence count) of the claim aliased `a`, and the tables they come from:
 * toClaimRow reads them by position, so keep the two in step.
 */
const claimColumns = claimColumnsOf(Prisma.sql`"Annotation"`);

/**
 * The claim columns, with the annotations read from `source`. One claim is
 * read from a subquery by its primary key ({@link visibleClaimRowSql}), to
 * which the visibility rule then applies: PostgreSQL cannot merge a subquery
 * with a LIMIT into the outer query, so it finds the row by the key. Given
 * `id` and the team side by side, it planned by statistics older than the
 * team (a desk created since the last ANALYZE is thought to hold no rows),
 * took the team's index and read every claim of the team to find one.
 */
function claimColumnsOf(source: Prisma.Sql) {
  return Prisma.sql`
    a."id", a."articleId", a."versionId", a."authorId", a."start", a."end", a."exact", a."prefix", a."suffix", a."verdict",
    a."rationaleHtml", a."speaker", a."firstAppearanceUrl", a."firstAppearanceDate", a."status", a."version",
    ${utc("createdAt")} AS "createdAt", ${utc("updatedAt")} AS "updatedAt", a."roundId", a."anchorState", a."anchorScore",
    u."name" AS "authorName", r."status" AS "roundStatus",
    (SELECT COUNT(*) FROM "EvidenceLink" l WHERE l."annotationId" = a."id" AND l."deletedAt" IS NULL) AS "evidenceCount",
    ${utc("deletedAt")} AS "deletedAt"
  FROM ${source} a JOIN "User" u ON u."id" = a."authorId" LEFT JOIN "ReviewRound" r ON r."id" = a."roundId"`;
}

/** The live claims of the version the viewer may see, in text order (list-claims.ts's order). */
const claimsSql = (visibility: Visibility, articleId: string, versionId: string) => Prisma.sql`
  SELECT ${claimColumns}
  WHERE ${visibleAnnotationSql(visibility, "a")} AND a."articleId" = ${articleId} AND a."versionId" = ${versionId} AND a."deletedAt" IS NULL
  ORDER BY a."start" ASC, a."end" DESC, a."createdAt" ASC, a."id" ASC`;
