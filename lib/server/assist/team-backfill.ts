import { readRows, sql } from "@/lib/db/direct-sql";
import { ASSIST_ENGINE, ensureArticleIndexed } from "./sentence-index";

/** Time a request spends indexing the team's unindexed articles before it answers; the rest continues in the background. */
export const BACKFILL_BUDGET_MS = 1500;
const running = new Map<string, Promise<void>>();
/** When each team was last found with nothing to index, and how long requests then skip the check. */
const cleanAt = new Map<string, number>();
const CHECK_EVERY_MS = 30_000;

/** Forgets that the team was found fully indexed (its index was just dropped): the next request checks again. */
export function markTeamUnindexed(teamId: string): void {
  cleanAt.delete(teamId);
}

/**
 * Live articles of the team whose current version is not indexed by the
 * current analysis: each article's newest version (an index seek), then its
 * state by primary key. About 50 ms for 10,000 articles, so it runs at most
 * once per CHECK_EVERY_MS per team (see below), never on every request.
 */
async function unindexedArticles(teamId: string, limit: number): Promise<string[]> {
  const rows = await readRows<{ id: string }>(sql`
    SELECT a."id" AS "id" FROM "Article" a
    JOIN "ArticleVersion" v ON v."articleId" = a."id" AND v."number" = (SELECT max(w."number") FROM "ArticleVersion" w WHERE w."articleId" = a."id")
    LEFT JOIN "AssistIndexState" s ON s."versionId" = v."id" AND s."engine" = ${ASSIST_ENGINE}
    WHERE a."teamId" = ${teamId} AND a."deletedAt" IS NULL AND s."versionId" IS NULL
    ORDER BY a."createdAt" DESC
    LIMIT ${limit}`);
  return rows.map((r) => r.id);
}

/**
 * Indexes the team's articles that are not indexed yet (new imports,
 * corrections, an alias change), newest first, for up to BACKFILL_BUDGET_MS
 * before returning; what is left goes on after the response, one article at a
 * time. One backfill per team at a time in this process; a team found fully
 * indexed is checked again after CHECK_EVERY_MS.
 */
export async function backfillTeam(teamId: string): Promise<void> {
  const deadline = performance.now() + BACKFILL_BUDGET_MS;
  // A team found fully indexed a moment ago is not checked again yet: articles added since are
  // indexed when opened, or by the next check.
  if (performance.now() - (cleanAt.get(teamId) ?? -Infinity) < CHECK_EVERY_MS) return;
  let job = running.get(teamId);
  if (!job) {
    job = (async () => {
      for (;;) {
        const ids = await unindexedArticles(teamId, 50);
        if (!ids.length) {
          cleanAt.set(teamId, performance.now());
          return;
        }
        cleanAt.delete(teamId);
        for (const id of ids) {
          await ensureArticleIndexed(teamId, id);
          // Let requests in between two analyses.
          await new Promise((r) => setImmediate(r));
        }
      }
    })()
      .catch((e) => console.error("Claim assistance backfill failed", e))
      .finally(() => running.delete(teamId));
    running.set(teamId, job);
  }
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise((r) => (timer = setTimeout(r, Math.max(0, deadline - performance.now()))));
  await Promise.race([job, budget]);
  clearTimeout(timer);
}
