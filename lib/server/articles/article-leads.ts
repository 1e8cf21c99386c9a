import { Prisma } from "@/generated/sqlite";
import { db } from "@/lib/db";
import { firstWords } from "@/lib/articles/article-name";

/**
 * The stand-in title of an article whose text states none (title null): the
 * first words of its newest text, as the article list shows them (in
 * italics, components/articles/article-name.tsx), so two untitled articles
 * in a queue or a list of rounds are told apart by what they say.
 */

/** How many characters of the newest text a lead is cut from (the first line's first words come out of these). */
const HEAD_CHARS = 200;

/** The first `HEAD_CHARS` characters of the newest text of the article aliased `a`, when it has no title (else NULL). */
export const headSql = (a: string) => {
  const alias = Prisma.raw(`"${a}"`);
  return Prisma.sql`(CASE WHEN ${alias}."title" IS NULL THEN (SELECT substr(v."text", 1, ${HEAD_CHARS}) FROM "ArticleVersion" v WHERE v."articleId" = ${alias}."id" ORDER BY v."number" DESC LIMIT 1) END)`;
};

/**
 * The leads of the untitled articles among `articles` (of team `teamId`), by
 * id; titled ones are not in the map. One query, and none when every article
 * has a title (the usual list).
 */
export async function articleLeads(
  teamId: string,
  articles: readonly { id: string; title: string | null }[],
): Promise<Map<string, string>> {
  const ids = [...new Set(articles.filter((a) => !a.title?.trim()).map((a) => a.id))];
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; head: string | null }[]>(Prisma.sql`
    SELECT a."id", ${headSql("a")} AS "head" FROM "Article" a
    WHERE a."teamId" = ${teamId} AND a."title" IS NULL AND a."id" IN (${Prisma.join(ids)})`);
  return new Map(rows.map((r) => [r.id, firstWords(r.head ?? "")]));
}
