import { readRows, sql } from "@/lib/db/direct-sql";
import type { CurrentUser } from "@/lib/auth/current-user";

/**
 * The caller's assignment in an open (blind) round on this article version,
 * if any. One indexed statement straight on the driver: every claims list
 * runs it (lib/db/direct-sql.ts says why). A claim create decides its round
 * inside its insert (lib/server/claims/insert-annotation.ts).
 * The status is compared as a literal so it works against PostgreSQL's enum.
 */
export async function findOpenAssignment(user: Pick<CurrentUser, "id" | "teamId">, articleId: string, versionId: string) {
  const rows = await readRows<{ roundId: string; submitted: unknown }>(sql`
    SELECT a."roundId" AS "roundId", (a."submittedAt" IS NOT NULL) AS "submitted"
    FROM "RoundAssignment" a JOIN "ReviewRound" r ON r."id" = a."roundId"
    WHERE a."reviewerId" = ${user.id} AND r."teamId" = ${user.teamId} AND r."articleId" = ${articleId}
      AND r."versionId" = ${versionId} AND r."status" = 'open'
    LIMIT 1`);
  const row = rows[0];
  // SQLite answers 0/1 (possibly as bigint), PostgreSQL true/false.
  return row ? { roundId: row.roundId, submitted: row.submitted === true || Number(row.submitted) === 1 } : null;
}
