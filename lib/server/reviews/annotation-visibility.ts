import type { CurrentUser } from "@/lib/auth/current-user";
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
