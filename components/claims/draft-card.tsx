"use client";
import { VerdictBadge } from "./verdict-badge";
import type { ClaimDraft } from "./claim-drafts";

/** A claim that is being saved, or that failed to save and waits for a retry. */
export function DraftCard({ draft, onRetry, onDiscard }: { draft: ClaimDraft; onRetry: () => void; onDiscard: () => void }) {
  return (
    <article className={`claim-card is-draft is-${draft.state}`} data-testid="draft-card" data-state={draft.state}>
      <div className="claim-card-head">
        <VerdictBadge verdict={draft.verdict} />
        <span className="muted">{draft.state === "pending" ? "Saving…" : "Not saved"}</span>
      </div>
      <blockquote className="claim-quote">{draft.exact}</blockquote>
      {draft.state === "failed" && (
        <>
          <p role="alert" className="form-error">
            {draft.error}
          </p>
          <div className="row-actions">
            <button type="button" className="btn btn-primary btn-small" onClick={onRetry}>
              Retry
            </button>
            <button type="button" className="btn btn-small" onClick={onDiscard}>
              Discard
            </button>
          </div>
        </>
      )}
    </article>
  );
}
