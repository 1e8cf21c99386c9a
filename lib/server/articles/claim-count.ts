import { Prisma } from "@/generated/sqlite";

/**
 * How many claims each article shows in the article list: its live
 * annotations. A derived table of `("articleId", "n")` rows, so the list can
 * sort all matching articles by it in the database and count a page's
 * articles in one statement (`articleIds` narrows it to them).
 *
 * The one place that decides the count: blind review (issue 9) narrows it
 * here to what the viewer may see, for the count shown and the sort alike.
 */
export function claimCountsSql(viewer: { id: string; teamId: string }, articleIds?: readonly string[]): Prisma.Sql {
  const only = articleIds ? Prisma.sql` AND n."articleId" IN (${Prisma.join(articleIds)})` : Prisma.empty;
  return Prisma.sql`(SELECT n."articleId", COUNT(*) AS "n" FROM "Annotation" n WHERE n."teamId" = ${viewer.teamId} AND n."deletedAt" IS NULL${only} GROUP BY n."articleId")`;
}
