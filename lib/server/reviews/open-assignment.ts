import { readRows, sql } from "@/lib/db/direct-sql";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";

/**
 * The caller's assignment in an open (blind) round on this article version,
 * if any. One indexed statement straight on the driver: it runs on every
 * claim create, the hottest write (lib/db/direct-sql.ts says why).
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

/**
 * The round a new annotation by the caller belongs to: their open round on
 * this version, or null outside rounds. A reviewer who has submitted must
 * reopen their review before adding to it.
 */
export async function roundForNewAnnotation(user: Pick<CurrentUser, "id" | "teamId">, articleId: string, versionId: string): Promise<string | null> {
  const open = await findOpenAssignment(user, articleId, versionId);
  if (open?.submitted) throw new AppError("FORBIDDEN", "Your review is submitted. Reopen it to add annotations.");
  return open?.roundId ?? null;
}
