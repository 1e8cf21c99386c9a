"use client";
import { useDeferredValue } from "react";
import type { FinalClaim } from "@/lib/server/claims/list-final-claims";
import { FinalClaimCard } from "./final-claim-card";
import { useCardRefs } from "./use-card-refs";
import "./outcome.css";

type Props = {
  /** In text order, as the server sends them (the report numbers them the same way). */
  claims: FinalClaim[];
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/**
 * The Outcome side panel: the article's final claims, what the desk decided
 * and what reports export. Read-only; only the discussion takes input.
 */
export function OutcomePanel({ loading, error, selectedId, onSelect, ...props }: Props) {
  // As in the claim panel: the highlights first, then the cards.
  const claims = useDeferredValue(props.claims);
  const cardRef = useCardRefs(selectedId);

  return (
    <aside className="claim-panel outcome-panel" aria-label="Outcome">
      <h2>
        Outcome <span className="count" data-testid="outcome-total">{claims.length}</span>
      </h2>
      <p className="muted small outcome-intro">The desk&apos;s final claims: clusters decided in review, and editors&apos; claims outside rounds. Reports export these.</p>
      {loading && <p className="muted">Loading the outcome…</p>}
      {error && <p role="alert" className="form-error">{error}</p>}
      {!loading && !error && claims.length === 0 && <p className="muted">No final claims on this version of the article.</p>}
      <ol className="claim-list">
        {claims.map((claim, i) => (
          <li key={claim.id}>
            <FinalClaimCard
              ref={cardRef(claim.id)}
              claim={claim}
              number={i + 1}
              selected={claim.id === selectedId}
              onSelect={() => onSelect(claim.id)}
            />
          </li>
        ))}
      </ol>
    </aside>
  );
}
