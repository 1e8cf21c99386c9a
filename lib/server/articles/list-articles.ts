import { Prisma } from "@/generated/sqlite";
import { db, pgPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationSql, visibleClaimSql } from "@/lib/server/visibility/visible-where";
import { canRestoreArticle } from "@/lib/policies/article";
import { listArticlesSchema, type ListArticlesQuery, type ReviewState } from "@/lib/schemas/article";
import { claimCountsSql } from "./claim-count";
import { headSql } from "./article-leads";
import { firstWords } from "@/lib/articles/article-name";
import type { ArticleListItem, ArticlePage } from "@/lib/schemas/article";

/** The search words: letters and digits only (so nothing the user types is query syntax), lower-cased, accents folded as both indexes fold them. */
export function searchTokens(q: string | undefined): string[] {
  // Only the marks on Latin letters: both indexes fold those and leave other scripts' marks (Japanese dakuten) alone.
  const folded = (q ?? "")
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFKC")
    .toLowerCase();
  return (
    folded
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 12)
      .map((t) => t.slice(0, 60)) ?? []
  );
}

/**
 * The full-text condition, each database its own way: SQLite's FTS5 index
 * (ArticleSearch, keyed through ArticleSearchKey) and PostgreSQL's tsvector
 * with a GIN index (ArticleSearch.document); both kept by triggers
 * (migration 20261203224856_article_search). Every word must match, as a
 * prefix ("stolten" finds Stoltenberg).
 */
function searchSql(tokens: string[]): Prisma.Sql {
  if (pgPool) {
    const query = tokens.map((t) => `${t}:*`).join(" & ");
    return Prisma.sql`a."id" IN (SELECT s."articleId" FROM "ArticleSearch" s WHERE s."document" @@ to_tsquery('simple', ${query}))`;
  }
  const query = tokens.map((t) => `"${t}"*`).join(" ");
  return Prisma.sql`a."id" IN (SELECT k."articleId" FROM "ArticleSearchKey" k WHERE k."rowid" IN (SELECT "rowid" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${query}))`;
}

/**
 * Each reviewed article's review state, from its rounds, as a derived table
 * of `("articleId", "s")`: 3 when a round is open, 2 when one waits for
 * adjudication (revealed), 1 when every round is decided (adjudicated or
 * closed). Articles with no round have no row: "none".
 */
const roundStatesSql = (teamId: string, articleIds?: readonly string[]) =>
  Prisma.sql`(SELECT r."articleId", MAX(CASE r."status" WHEN 'open' THEN 3 WHEN 'revealed' THEN 2 ELSE 1 END) AS "s" FROM "ReviewRound" r
    WHERE ${articleIds ? Prisma.sql`r."articleId" IN (${Prisma.join(articleIds)}) AND r."teamId" = ${teamId}` : Prisma.sql`r."teamId" = ${teamId}`} GROUP BY r."articleId")`;
const STATE_CODES: Record<ReviewState, number | null> = { open: 3, awaiting: 2, adjudicated: 1, none: null };
const stateOf = (code: number | bigint | null): ReviewState =>
  code === null ? "none" : ((["none", "adjudicated", "awaiting", "open"] as const)[Number(code)] ?? "none");

/**
 * The articles with a disputed claim: a live final claim of a round, or a
 * live annotation made outside any round (an editor's own claim).
 * Annotations of running rounds are not claims yet. Both as far as blind
 * review lets the viewer see them, so the filter never betrays a hidden claim.
 */
const disputedSql = (user: Viewer, articleIds?: readonly string[]) => {
  const only = (col: Prisma.Sql) => (articleIds ? Prisma.sql` AND ${col} IN (${Prisma.join(articleIds)})` : Prisma.empty);
  return Prisma.sql`(SELECT c."articleId" FROM "Claim" c WHERE ${visibleClaimSql(user.visibility, "c")} AND c."deletedAt" IS NULL AND c."verdict" = 'disputed'${only(Prisma.sql`c."articleId"`)}
    UNION SELECT n."articleId" FROM "Annotation" n WHERE ${visibleAnnotationSql(user.visibility, "n")} AND n."deletedAt" IS NULL AND n."roundId" IS NULL AND n."verdict" = 'disputed'${only(Prisma.sql`n."articleId"`)})`;
};

type Row = {
  id: string;
  teamId: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedDate: string | null;
  url: string | null;
  head: string | null;
  createdAt: Date | string | number;
  deletedAt: Date | string | number | null;
  version: number | bigint;
  claimCount: number | bigint | null;
  state: number | bigint | null;
  disputed: number | bigint | boolean | null;
};

/** A date column as the driver returns it from a raw query (a Date, an ISO string, or epoch milliseconds), as ISO 8601. */
const iso = (d: Date | string | number) =>
  (d instanceof Date
    ? d
    : typeof d === "number"
      ? new Date(d)
      : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(d) ? d : `${d.replace(" ", "T")}Z`)
  ).toISOString();

/**
 * GET /api/articles: the team's articles matching the search and filters,
 * sorted and paged, each with its claim count, review state and whether it
 * has a disputed claim. Deleted articles are listed only when an admin asks.
 *
 * Two statements, so that nothing is computed per row for all 10,000
 * articles a desk may have: the page's ids and the number of matches (a
 * window count; filters and sort, with the claim counts and round states as
 * grouped derived tables when the query needs them), then the page's rows
 * with their counts, states and (untitled articles) the text's first words.
 */
export async function findArticlePage(user: Viewer, query: ListArticlesQuery): Promise<ArticlePage> {
  if (query.deleted && !canRestoreArticle(user)) throw new AppError("FORBIDDEN", "Only admins see deleted articles.");
  const where: Prisma.Sql[] = [
    Prisma.sql`a."teamId" = ${user.teamId}`,
    query.deleted ? Prisma.sql`a."deletedAt" IS NOT NULL` : Prisma.sql`a."deletedAt" IS NULL`,
  ];
  const tokens = searchTokens(query.q);
  if (tokens.length > 0) where.push(searchSql(tokens));
  if (query.outlet) where.push(Prisma.sql`lower(a."outlet") = ${query.outlet.toLowerCase()}`);
  if (query.from) where.push(Prisma.sql`a."publishedDate" >= ${query.from}`);
  if (query.to) where.push(Prisma.sql`a."publishedDate" <= ${query.to}`);
  if (query.disputed) where.push(Prisma.sql`a."id" IN ${disputedSql(user)}`);
  const joins: Prisma.Sql[] = [];
  if (query.review) {
    joins.push(Prisma.sql`LEFT JOIN ${roundStatesSql(user.teamId)} rs ON rs."articleId" = a."id"`);
    const code = STATE_CODES[query.review];
    where.push(code === null ? Prisma.sql`rs."s" IS NULL` : Prisma.sql`rs."s" = ${code}`);
  }
  const filter = Prisma.sql`FROM "Article" a ${Prisma.join(joins.length ? joins : [Prisma.empty], " ")} WHERE ${Prisma.join(where, " AND ")}`;

  const desc = (query.dir ?? (query.sort === "title" ? "asc" : "desc")) === "desc";
  const direction = desc ? Prisma.raw("DESC") : Prisma.raw("ASC");
  const byDate = Prisma.sql`(a."publishedDate" IS NULL), a."publishedDate" ${direction}, a."createdAt" ${direction}`;
  let order = byDate;
  let counts = Prisma.empty;
  if (query.sort === "title") order = Prisma.sql`(a."title" IS NULL), lower(a."title") ${direction}, a."createdAt" DESC`;
  if (query.sort === "claims") {
    counts = Prisma.sql`LEFT JOIN ${claimCountsSql(user)} cc ON cc."articleId" = a."id"`;
    order = Prisma.sql`COALESCE(cc."n", 0) ${direction}, (a."publishedDate" IS NULL), a."publishedDate" DESC, a."createdAt" DESC`;
  }

  const ids = await db.$queryRaw<{ id: string; total: number | bigint }[]>(Prisma.sql`
    SELECT a."id", COUNT(*) OVER () AS "total" FROM "Article" a ${counts} ${Prisma.join(joins.length ? joins : [Prisma.empty], " ")}
    WHERE ${Prisma.join(where, " AND ")} ORDER BY ${order}, a."id" LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`);
  // Past the last page no row carries the total: count on their own.
  const total =
    ids.length > 0
      ? Number(ids[0]!.total)
      : query.page > 1
        ? Number((await db.$queryRaw<{ n: number | bigint }[]>(Prisma.sql`SELECT COUNT(*) AS "n" ${filter}`))[0]?.n ?? 0)
        : 0;
  const pageIds = ids.map((r) => r.id);
  // By primary key: the ids are the team's (the query above is team-scoped), and a "teamId" condition
  // here would make SQLite walk the team's index instead; the team is checked on the rows below.
  const rows =
    pageIds.length === 0
      ? []
      : await db.$queryRaw<Row[]>(Prisma.sql`
          SELECT a."id", a."teamId", a."title", a."outlet", a."author", a."publishedDate", a."url", a."createdAt", a."deletedAt", a."version",
                 cc."n" AS "claimCount", rs."s" AS "state", (CASE WHEN d."articleId" IS NULL THEN 0 ELSE 1 END) AS "disputed",
                 ${headSql("a")} AS "head"
          FROM "Article" a
          LEFT JOIN ${claimCountsSql(user, pageIds)} cc ON cc."articleId" = a."id"
          LEFT JOIN ${roundStatesSql(user.teamId, pageIds)} rs ON rs."articleId" = a."id"
          LEFT JOIN ${disputedSql(user, pageIds)} d ON d."articleId" = a."id"
          WHERE a."id" IN (${Prisma.join(pageIds)})`);
  const byId = new Map(rows.filter((r) => r.teamId === user.teamId).map((r) => [r.id, r]));
  const items = pageIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        title: r.title ?? firstWords(r.head ?? ""),
        untitled: !r.title,
        outlet: r.outlet,
        author: r.author,
        publishedDate: r.publishedDate,
        url: r.url,
        claimCount: Number(r.claimCount ?? 0),
        reviewState: stateOf(r.state),
        hasDisputed: Number(r.disputed) === 1,
        createdAt: iso(r.createdAt),
        deletedAt: r.deletedAt ? iso(r.deletedAt) : null,
        version: Number(r.version),
      },
    ];
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The first page of the team's articles (newest first), or the page `query` asks for: the rows alone. */
export async function listArticles(user: Viewer, query: Partial<ListArticlesQuery> = {}): Promise<ArticleListItem[]> {
  return (await findArticlePage(user, listArticlesSchema.parse(query))).items;
}
