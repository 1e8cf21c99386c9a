import { db } from "@/lib/db";
import { readRows, sql } from "@/lib/db/direct-sql";
import { OffsetIndex } from "@/lib/anchoring/offsets";

/** A version's canonical text with its code-point index. */
export type IndexedText = { text: string; index: OffsetIndex };

/**
 * Canonical texts by version id. Versions are immutable, so a text once read
 * never goes stale; the cache saves re-reading and re-indexing (up to ~100 KB)
 * on every claim write. It holds the pending read, so callers asking for the
 * same version at once (evidence usage lists, parallel writes) share one
 * query; a failed read is dropped. Callers still scope the version to the team
 * with their own query first.
 */
const cache = new Map<string, Promise<IndexedText>>();
const MAX_ENTRIES = 200;

export function versionText(versionId: string): Promise<IndexedText> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const entry = db.articleVersion
    .findUniqueOrThrow({ where: { id: versionId }, select: { text: true } })
    .then(({ text }) => ({ text, index: new OffsetIndex(text) }));
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(versionId, entry);
  entry.catch(() => cache.delete(versionId));
  return entry;
}

/**
 * The version `versionId` of article `articleId` when the article belongs to
 * `teamId` and is not deleted; null otherwise. Every claim write runs it
 * (on lib/db/direct-sql.ts).
 */
export async function findVersionInTeam(teamId: string, articleId: string, versionId: string): Promise<{ id: string } | null> {
  const rows = await readRows<{ id: string }>(sql`
    SELECT v."id" AS "id" FROM "ArticleVersion" v JOIN "Article" a ON a."id" = v."articleId"
    WHERE v."id" = ${versionId} AND v."articleId" = ${articleId} AND a."teamId" = ${teamId} AND a."deletedAt" IS NULL`);
  return rows[0] ?? null;
}
