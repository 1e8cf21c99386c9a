"use client";
import { useArticleRound } from "@/lib/queries/use-reviews";
import { VERDICT_LABELS } from "@/lib/schemas/claim";
import type { AnnotationOutcomeDto } from "@/lib/schemas/review";
import "./review.css";

/** The words for how an annotation fared in adjudication (feedback for its reviewer). */
export function outcomeText(o: AnnotationOutcomeDto): string {
  switch (o.outcome) {
    case "accepted":
      return "Accepted as you marked it";
    case "changed": {
      const parts = [
        o.claim && o.claim.verdict !== o.verdict ? `verdict ${VERDICT_LABELS[o.claim.verdict]}` : null,
        o.claim && o.claim.exact !== o.exact ? "another span" : null,
      ];
      return `Accepted with ${parts.filter(Boolean).join(" and ") || "changes"}`;
    }
    case "rejected":
      return "Rejected: not a claim";
    case "pending":
      return "Awaiting adjudication";
    case "excluded":
      return "Not adjudicated (review not submitted)";
  }
}

/** A badge on a claim card telling its reviewer how the annotation was decided. Renders nothing outside rounds. */
export function OutcomeBadge({ articleId, claimId }: { articleId: string; claimId: string }) {
  const outcome = useArticleRound(articleId).data?.outcomes[claimId];
  if (!outcome) return null;
  return (
    <span className={`outcome-badge outcome-badge--${outcome.outcome}`} data-testid="outcome-badge" data-outcome={outcome.outcome}>
      {outcomeText(outcome)}
    </span>
  );
}
