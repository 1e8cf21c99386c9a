import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";

/**
 * The caller's assignment in an open (blind) round on this article version,
 * if any: an import puts its annotations into that round, as typed claims
 * go. (A claim create decides its round inside its insert instead:
 * lib/server/claims/insert-annotation.ts.)
 */
export async function findOpenAssignment(user: Pick<CurrentUser, "id" | "teamId">, articleId: string, versionId: string) {
  const row = await db.roundAssignment.findFirst({
    where: { reviewerId: user.id, round: { teamId: user.teamId, articleId, versionId, status: "open" } },
    select: { roundId: true, submittedAt: true },
  });
  return row ? { roundId: row.roundId, submitted: row.submittedAt !== null } : null;
}
