import type { CurrentUser } from "@/lib/auth/current-user";
import { readRows, sql } from "@/lib/db/direct-sql";
import { sealVisibility, type BlindRound, type Visibility } from "@/lib/policies/visibility";

/**
 * The caller of a use case that reads people's work: the signed-in member
 * and what blind review lets them see (lib/policies/visibility.ts). Such use
 * cases take a Viewer, not a CurrentUser, so a route cannot call them
 * without building one ({@link viewerOf}, once per request).
 */
export type Viewer = CurrentUser & { readonly visibility: Visibility };

/** Who a Visibility is read for: enough to pass to another thread, which reads it again (loadVisibility). */
export type VisibilitySeed = Pick<CurrentUser, "id" | "teamId" | "role">;

/** The signed-in member as a Viewer: one query for their assignments in open rounds. */
export async function viewerOf(user: CurrentUser): Promise<Viewer> {
  return { ...user, visibility: await loadVisibility(user) };
}

type Row = { roundId: string; articleId: string; since: unknown; reviewerId: string | null };

/**
 * The member's Visibility: the team's open rounds, and of those the ones
 * they are assigned to, with when each started and who else reviews it. One
 * indexed statement (on lib/db/direct-sql.ts): every read of people's work
 * runs it, claim updates included. The start time is read as text: SQLite
 * stores ISO 8601 with a zone, and PostgreSQL's `timestamp` column holds UTC
 * without one.
 */
export async function loadVisibility(user: VisibilitySeed): Promise<Visibility> {
  // Every open round of the team; for those the viewer is assigned to, one row per reviewer.
  const rows = await readRows<Row>(sql`
    SELECT r."id" AS "roundId", r."articleId" AS "articleId", CAST(r."createdAt" AS TEXT) AS "since", o."reviewerId" AS "reviewerId"
    FROM "ReviewRound" r
    LEFT JOIN "RoundAssignment" a ON a."roundId" = r."id" AND a."reviewerId" = ${user.id}
    LEFT JOIN "RoundAssignment" o ON o."roundId" = a."roundId"
    WHERE r."teamId" = ${user.teamId} AND r."status" = 'open'`);
  const blind = new Map<string, BlindRound & { reviewerIds: string[] }>();
  for (const row of rows) {
    if (row.reviewerId === null) continue;
    const round = blind.get(row.roundId) ?? {
      roundId: row.roundId,
      articleId: row.articleId,
      since: utcInstant(row.since),
      reviewerIds: [],
    };
    round.reviewerIds.push(row.reviewerId);
    blind.set(row.roundId, round);
  }
  return sealVisibility(user, [...blind.values()], [...new Set(rows.map((r) => r.roundId))]);
}

/** A timestamp read as text: with its zone (SQLite) or in UTC without one (PostgreSQL). */
function utcInstant(raw: unknown): Date {
  if (raw instanceof Date) return raw;
  const text = String(raw);
  return new Date(/(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text.replace(" ", "T")}Z`);
}
