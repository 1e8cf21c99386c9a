"use client";
import Link from "next/link";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useArticleRound, useRoundActions } from "@/lib/queries/use-reviews";
import { queryKeys } from "@/lib/queries/keys";
import { reviewsBlind, type RoundSummaryDto } from "@/lib/schemas/review";
import { StatusPill } from "./status-pill";
import { FormError } from "@/components/ui/form-error";
import "./review.css";
import { formatDate } from "@/lib/format-date";

/**
 * Editors' way into a review from the article. Mounted BELOW the text: it
 * appears once its query answers, and nothing may shift the text above a
 * selection in progress.
 */
export function StartReviewLink({ articleId }: { articleId: string }) {
  const state = useArticleRound(articleId);
  if (!state.data?.canStart) return null;
  return (
    <p className="muted small" data-testid="start-review">
      <Link href={`/reviews?article=${articleId}`}>Start a blind review of this article</Link>
    </p>
  );
}

/** The review state above an article: blind-phase instructions and Submit / Reopen for its reviewers, a link for everyone else. */
export function RoundBanner({ articleId }: { articleId: string }) {
  const state = useArticleRound(articleId);
  const round = state.data?.round;
  if (!round || (round.status === "closed" && !round.mine)) return null;
  return reviewsBlind(round) ? <ReviewerBanner round={round} /> : <TeamBanner round={round} />;
}

function ReviewerBanner({ round }: { round: RoundSummaryDto }) {
  const actions = useRoundActions(round);
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const submitted = !!round.mine?.submittedAt;
  const count = round.mine?.annotationCount ?? 0;
  const run = (m: typeof actions.submit) => {
    setError(null);
    m.mutate(undefined, {
      onError: (e) => setError((e as Error).message),
      // The claims' `can` flags change with the lock.
      onSettled: () => void qc.invalidateQueries({ queryKey: queryKeys.claims(round.article.id) }),
    });
  };
  return (
    <div className={`round-banner${submitted ? " is-submitted" : ""}`} role="region" aria-label="Review round" data-testid="round-banner">
      <StatusPill status={round.status} />
      <span>
        {submitted
          ? "You submitted your review. It stays locked; you can reopen it until the round is revealed."
          : "You are reviewing this article blind: you see only your own annotations until the round is revealed."}
        {round.dueDate && ` Due ${formatDate(round.dueDate)}.`}
        {` ${count} annotation${count === 1 ? "" : "s"}.`}
      </span>
      <span className="spacer" />
      {submitted ? (
        <button type="button" className="btn btn-small" onClick={() => run(actions.reopen)} disabled={actions.reopen.isPending}>
          Reopen my review
        </button>
      ) : (
        <button type="button" className="btn btn-primary btn-small" onClick={() => run(actions.submit)} disabled={actions.submit.isPending}>
          Submit my review
        </button>
      )}
      <FormError error={error} />
    </div>
  );
}

function TeamBanner({ round }: { round: RoundSummaryDto }) {
  const text = {
    open: "A blind review is running: reviewers' annotations stay hidden until the reveal.",
    revealed: "The review is revealed and waits for adjudication.",
    adjudicated: "The review is adjudicated: its decided clusters are this article's claims.",
    closed: "The review is closed.",
  }[round.status];
  return (
    <div className="round-banner" role="region" aria-label="Review round" data-testid="round-banner">
      <StatusPill status={round.status} />
      <span>{text}</span>
      <span className="spacer" />
      <Link href={`/reviews/${round.id}`}>Open the review</Link>
    </div>
  );
}
