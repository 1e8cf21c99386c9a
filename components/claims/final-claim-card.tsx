"use client";
import Link from "next/link";
import { forwardRef, useState } from "react";
import type { FinalClaim, FinalClaimEvidence } from "@/lib/schemas/final-claim";
import { CLUSTER_KIND_LABELS, formatDateTime } from "@/lib/export/report-text";
import { isWebUrl } from "@/lib/export/report-model";
import { StanceBadge } from "@/components/evidence/stance-badge";
import { EvidenceSummary } from "@/components/evidence/evidence-summary";
import { CommentThread } from "@/components/review/comment-thread";
import { useDeepLink } from "@/components/discussion/use-deep-link";
import { VerdictBadge } from "./verdict-badge";
import { ClaimCardHead } from "./claim-card-head";
import { finalClaimAnchor, finalClaimAnchorActions } from "./final-claim-anchor";
import { ExternalLink } from "@/components/ui/external-link";
import "@/components/evidence/evidence.css";
import "@/components/review/review.css";

/** Settling a claim a correction left drifted or orphaned (editors and admins). */
export type FinalClaimAnchoring = {
  canPlace: boolean;
  /** Whether words are selected in the article for "Place here". */
  hasSelection: boolean;
  pending: boolean;
  onConfirm: (claim: FinalClaim) => void;
  onPlace: (claim: FinalClaim) => void;
};

type Props = { claim: FinalClaim; number: number; selected: boolean; onSelect: () => void; anchoring: FinalClaimAnchoring };

/**
 * One final claim in the Outcome panel, read-only: verdict, quote, rationale,
 * who decided it and when, each reviewer's verdict, evidence, and (for claims
 * decided in a round, which have a Claim row to hang it on) the discussion.
 * The one thing an editor changes here is where a claim stands after a
 * correction: Confirm a drifted claim, or Place a drifted or orphaned one
 * on the words selected in the article.
 */
export const FinalClaimCard = forwardRef<HTMLElement, Props>(function FinalClaimCard(
  { claim, number, selected, onSelect, anchoring },
  ref,
) {
  // A notification's link (?final=…&discuss=1) opens this claim's discussion.
  const link = useDeepLink();
  const linked = link.final === claim.id && link.discuss;
  const [discussing, setDiscussing] = useState(linked);
  const { decision, cluster } = claim;
  const fromRound = claim.source === "round";
  const actions = finalClaimAnchorActions(claim, anchoring.canPlace);
  return (
    <article
      ref={ref}
      className={`claim-card final-claim-card${selected ? " is-selected" : ""}`}
      data-testid="outcome-card"
      data-claim-id={claim.id}
      data-verdict={claim.verdict}
      data-source={claim.source}
      aria-current={selected ? "true" : undefined}
    >
      <ClaimCardHead
        number={number}
        verdict={claim.verdict}
        anchor={finalClaimAnchor(claim)}
        who={fromRound ? "Review decision" : "Editor's claim"}
        onSelect={onSelect}
      />
      <blockquote className="claim-quote" data-testid="claim-quote">
        {claim.exact}
      </blockquote>
      {actions.place && (
        <div className="row-actions" data-testid="anchor-actions">
          {actions.confirm && (
            <button type="button" className="btn btn-small" disabled={anchoring.pending} onClick={() => anchoring.onConfirm(claim)}>
              Confirm
            </button>
          )}
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={!anchoring.hasSelection || anchoring.pending}
            onClick={() => anchoring.onPlace(claim)}
          >
            Place here
          </button>
          {!anchoring.hasSelection && (
            <span className="muted small">To re-place it, select its words in the article, then press Place here.</span>
          )}
        </div>
      )}
      {/* Rationales are sanitized when saved. A round claim's carries the decision's note on top of the reviewers' own
          (compose-claim-rationale.ts), or is just the note, shown below with the decision: either way shown once. */}
      {claim.rationaleHtml && claim.rationaleHtml !== decision?.rationaleHtml && (
        <div
          className="claim-rationale rich-text"
          data-testid="claim-rationale"
          dangerouslySetInnerHTML={{ __html: claim.rationaleHtml }}
        />
      )}
      {decision ? (
        <div className="decision-box" data-testid="decision">
          <p className="final-by small">
            Decided by <strong>{decision.decider.name}</strong> · {formatDateTime(decision.createdAt)}
            {cluster && (
              <>
                {" · "}
                <Link href={`/reviews/${cluster.roundId}#cluster-${cluster.number}`}>Cluster {cluster.number}</Link>:{" "}
                {CLUSTER_KIND_LABELS[cluster.kind]}
              </>
            )}
          </p>
          {decision.rationaleHtml &&
            !(claim.rationaleHtml !== decision.rationaleHtml && claim.rationaleHtml.includes(decision.rationaleHtml)) && (
              <div
                className="claim-rationale rich-text"
                data-testid="decision-rationale"
                dangerouslySetInnerHTML={{ __html: decision.rationaleHtml }}
              />
            )}
        </div>
      ) : (
        <p className="final-by muted small">
          Claimed by {claim.author?.name ?? "a former member"} · {formatDateTime(claim.updatedAt)}
        </p>
      )}
      {fromRound && claim.members.length > 0 && (
        <section className="final-section" aria-label="Reviewers' verdicts">
          <h3>Reviewers</h3>
          <ul className="stack-list reviewer-verdicts">
            {claim.members.map((m) => (
              <li key={m.annotationId} data-testid="reviewer-verdict" data-verdict={m.verdict} title={`“${m.exact}”`}>
                <span>{m.author.name}</span>
                <VerdictBadge verdict={m.verdict} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {claim.evidence.length > 0 && (
        <section className="claim-evidence" aria-label={`Evidence for claim ${number}`} data-testid="claim-evidence">
          <h3>Evidence</h3>
          <ul className="stack-list claim-evidence-list">
            {claim.evidence.map((link) => (
              <FinalEvidenceRow key={link.linkId} link={link} />
            ))}
          </ul>
        </section>
      )}
      {fromRound && (
        <>
          <button
            type="button"
            className="btn btn-small discussion-toggle"
            aria-expanded={discussing}
            onClick={() => setDiscussing((d) => !d)}
          >
            Discussion
          </button>
          {discussing && <CommentThread thread={{ claimId: claim.id }} focusCommentId={linked ? link.comment : null} />}
        </>
      )}
    </article>
  );
});

/** An evidence link of a final claim: stance, the item (to its library page, marked if deleted), its source and pinpoint. */
function FinalEvidenceRow({ link }: { link: FinalClaimEvidence }) {
  const item = link.evidence;
  return (
    <li className="evidence-link" data-testid="evidence-link" data-stance={link.stance} data-deleted={item.deleted ? "true" : undefined}>
      <div className="evidence-link-head">
        <StanceBadge stance={link.stance} />
        <EvidenceSummary item={item} />
      </div>
      {isWebUrl(item.url) && (
        <ExternalLink className="small" href={item.url}>
          Open the source ↗
        </ExternalLink>
      )}
      {link.pinpoint && <span className="muted small">“{link.pinpoint}”</span>}
    </li>
  );
}
