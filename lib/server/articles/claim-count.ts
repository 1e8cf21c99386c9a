import { Prisma } from "@/generated/sqlite";
import type { Visibility } from "@/lib/policies/visibility";
import { visibleAnnotationSql } from "@/lib/server/visibility/visible-where";

/**
 * How many claims each article shows in the article list: its live
 * annotations that the viewer may see (blind review), so a count never
 * betrays a hidden draft. A derived table of `("articleId", "n")` rows, so
 * the list can sort all matching articles by it in the database and count a
 * page's articles in one statement (`articleIds` narrows it to them).
 */
export function claimCountsSql(viewer: { visibility: Visibility }, articleIds?: readonly string[]): Prisma.Sql {
  const only = articleIds ? Prisma.sql` AND n."articleId" IN (${Prisma.join(articleIds)})` : Prisma.empty;
  return Prisma.sql`(SELECT n."articleId", COUNT(*) AS "n" FROM "Annotation" n WHERE ${visibleAnnotationSql(viewer.visibility, "n")} AND n."deletedAt" IS NULL${only} GROUP BY n."articleId")`;
}
