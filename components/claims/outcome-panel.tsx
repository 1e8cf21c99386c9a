"use client";
import { useDeferredValue } from "react";
import type { FinalClaim } from "@/lib/schemas/final-claim";
import { usePlaceFinalClaimAnchor } from "@/lib/queries/use-final-claim-anchor";
import { FinalClaimCard, type FinalClaimAnchoring } from "./final-claim-card";
import { useCardRefs } from "./use-card-refs";
import { useAnchorSettling } from "./use-anchor-settling";
import { FormError } from "@/components/ui/form-error";
import "./outcome.css";

type Props = {
  articleId: string;
  /** In text order, as the server sends them (the report numbers them the same way). */
  claims: FinalClaim[];
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Editors and admins settle claims a correction left drifted or orphaned (lib/policies/article.ts). */
  canPlace: boolean;
  /** The words selected in the article (code points), for "Place here"; null without a selection. */
  selection: { start: number; end: number } | null;
  /** Called once a claim was placed on the selection, so the page can clear it. */
  onPlaced: () => void;
};

/**
 * The Outcome side panel: the article's final claims, what the desk decided
 * and what reports export. Read-only, except that an editor confirms or
 * re-places a claim a correction left drifted or orphaned; the discussion
 * takes input too.
 */
export function OutcomePanel({ articleId, loading, error, selectedId, onSelect, canPlace, selection, onPlaced, ...props }: Props) {
  // As in the claim panel: the highlights first, then the cards.
  const claims = useDeferredValue(props.claims);
  const cardRef = useCardRefs(selectedId);
  const { run, error: placeError, pending } = useAnchorSettling(usePlaceFinalClaimAnchor(articleId));
  const anchoring: FinalClaimAnchoring = {
    canPlace,
    hasSelection: !!selection,
    pending,
    onConfirm: (claim) => run({ claim, confirm: true }),
    onPlace: (claim) => selection && run({ claim, start: selection.start, end: selection.end }, onPlaced),
  };

  return (
    <aside className="claim-panel outcome-panel" aria-label="Outcome">
      <h2>
        Outcome{" "}
        <span className="count" data-testid="outcome-total">
          {claims.length}
        </span>
      </h2>
      <p className="muted small outcome-intro">
        The desk&apos;s final claims: clusters decided in review, and editors&apos; claims outside rounds. Reports export these.
      </p>
      {loading && <p className="muted">Loading the outcome…</p>}
      <FormError error={error} />
      <FormError error={placeError} />
      {!loading && !error && claims.length === 0 && <p className="muted">No final claims on this version of the article.</p>}
      <ol className="stack-list claim-list">
        {claims.map((claim, i) => (
          <li key={claim.id}>
            <FinalClaimCard
              ref={cardRef(claim.id)}
              claim={claim}
              number={i + 1}
              selected={claim.id === selectedId}
              onSelect={() => onSelect(claim.id)}
              anchoring={anchoring}
            />
          </li>
        ))}
      </ol>
    </aside>
  );
}
