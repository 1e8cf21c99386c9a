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
