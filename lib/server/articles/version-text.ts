import { db } from "@/lib/db";
import { readRows, sql } from "@/lib/db/direct-sql";
import { OffsetIndex } from "@/lib/anchoring/offsets";
import { readLineKinds } from "@/lib/anchoring/line-kinds";
import type { LineKind } from "@/lib/schemas/article";
import { AppError, notFound } from "@/lib/errors";

/** A version's canonical text with its code-point index. */
export type IndexedText = { text: string; index: OffsetIndex };
/** An indexed text as the cache holds it, with what each of its lines is (lib/anchoring/line-kinds.ts). */
export type VersionText = IndexedText & { lineKinds: LineKind[] | null };

/**
 * Canonical texts (with their lines' kinds) by version id. Versions are immutable, so a text once read
 * never goes stale; the cache saves re-reading and re-indexing (up to ~100 KB)
 * on every claim write. It holds the pending read, so callers asking for the
 * same version at once (evidence usage lists, parallel writes) share one
 * query; a failed read is dropped. Callers still scope the version to the team
 * with their own query first.
 */
const cache = new Map<string, CacheEntry>();
/** A version's text being read, and once read, the text with whose it is (a version's article, and an article's team, never change). */
type CacheEntry = { pending: Promise<VersionText>; read?: { articleId: string; teamId: string; text: VersionText } };
const MAX_ENTRIES = 200;

export function versionText(versionId: string): Promise<VersionText> {
  const hit = cache.get(versionId);
  if (hit) return hit.pending;
  const entry: CacheEntry = {
    pending: db.articleVersion
      .findUniqueOrThrow({
        where: { id: versionId },
        select: { text: true, lineKinds: true, articleId: true, article: { select: { teamId: true } } },
      })
      .then(({ text, lineKinds, articleId, article }) => {
        const value = { text, index: new OffsetIndex(text), lineKinds: readLineKinds(lineKinds, text.split("\n").length) };
        entry.read = { articleId, teamId: article.teamId, text: value };
        return value;
      }),
  };
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(versionId, entry);
  entry.pending.catch(() => cache.get(versionId) === entry && cache.delete(versionId));
  return entry.pending;
}

/**
 * The cached text of `versionId` when it is a version of article `articleId`
 * of team `teamId`, at once; undefined when the text is not read yet, or is
 * not that article's. It does not say whether the article is still live: a
 * caller that skips {@link requireVersionInTeam} with it must check that
 * itself (the claim create does, in its insert's transaction).
 */
export function cachedVersionTextIn(teamId: string, articleId: string, versionId: string): VersionText | undefined {
  const hit = cache.get(versionId)?.read;
  return hit && hit.articleId === articleId && hit.teamId === teamId ? hit.text : undefined;
}

/**
 * The version `versionId` of article `articleId` when the article belongs to
 * `teamId` and is not deleted. Otherwise 404 when the article is not the
 * team's live article, and 400 naming `versionId` when the version is not
 * its. Every claim write runs it (on lib/db/direct-sql.ts); the second read
 * is only for the refusal.
 */
export async function requireVersionInTeam(teamId: string, articleId: string, versionId: string): Promise<{ id: string }> {
  const rows = await readRows<{ id: string }>(sql`
    SELECT v."id" AS "id" FROM "ArticleVersion" v JOIN "Article" a ON a."id" = v."articleId"
    WHERE v."id" = ${versionId} AND v."articleId" = ${articleId} AND a."teamId" = ${teamId} AND a."deletedAt" IS NULL`);
  if (rows[0]) return rows[0];
  const article = await db.article.findFirst({ where: { id: articleId, teamId, deletedAt: null }, select: { id: true } });
  throw article
    ? new AppError("INVALID_INPUT", "That version does not belong to this article.", { field: "versionId" })
    : notFound("Article not found.");
}
