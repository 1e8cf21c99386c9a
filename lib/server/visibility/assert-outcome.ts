import { AppError } from "@/lib/errors";
import { canSeeOutcome, type Visibility } from "@/lib/policies/visibility";

/**
 * Refuses (403) what would show a member reviewing this article blind the
 * outcome of work on it (rule 2 of lib/policies/visibility.ts): an earlier
 * round's page, clusters and decisions, agreement figures, discussions, a
 * final claim. The round itself is no secret (the round list shows it), so
 * this is a 403 that says why, not a 404. It opens when their round is revealed.
 */
export function assertCanSeeOutcome(v: Visibility, articleId: string): void {
  if (!canSeeOutcome(v, articleId)) {
    throw new AppError(
      "FORBIDDEN",
      "You are reviewing this article blind: earlier rounds, their outcome and discussions open when your round is revealed.",
    );
  }
}
