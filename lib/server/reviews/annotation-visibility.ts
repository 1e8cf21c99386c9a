import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { annotationListRule } from "@/lib/policies/round";
import { findOpenAssignment } from "./open-assignment";

/**
 * The `where` fragment that applies the blind-review rule of
 * lib/policies/round.ts (annotationListRule / canSeeAnnotation) to a list of
 * one article version's annotations.
 */
export async function annotationVisibilityWhere(user: Pick<CurrentUser, "id" | "teamId" | "role">, articleId: string, versionId: string) {
  const rule = annotationListRule(user, await findOpenAssignment(user, articleId, versionId));
  if (rule.kind === "own-round") return { roundId: rule.roundId, authorId: rule.authorId };
  return { OR: [{ roundId: null }, { authorId: rule.viewerId }, { round: { status: { not: "open" as const } } }] };
}

/**
 * True when the viewer reviews this article blind right now: assigned to an
 * open round on its current version (`versionId`), which is when
 * annotationListRule shows them only their own annotations of that round.
 * Such a viewer sees no outcome either: no final claims, and reports of the
 * article without claims (list-final-claims.ts, load-report.ts).
 */
export async function isReviewingBlind(user: Pick<CurrentUser, "id" | "teamId" | "role">, articleId: string, versionId: string): Promise<boolean> {
  return annotationListRule(user, await findOpenAssignment(user, articleId, versionId)).kind === "own-round";
}

/**
 * Refuses (403) what would show a blind reviewer the work of others on this
 * article: an earlier round's page, agreement figures and discussions. They
 * open again once the reviewer submits.
 */
export async function assertNotReviewingBlind(user: Pick<CurrentUser, "id" | "teamId" | "role">, articleId: string): Promise<void> {
  const current = await db.articleVersion.findFirst({
    where: { articleId, article: { teamId: user.teamId } },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  if (current && (await isReviewingBlind(user, articleId, current.id))) {
    throw new AppError("FORBIDDEN", "You are reviewing this article blind: earlier rounds and their discussions open once you submit your review.");
  }
}
