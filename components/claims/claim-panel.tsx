"use client";
import { useDeferredValue } from "react";
import type { ClaimDto, Verdict } from "@/lib/schemas/claim";
import { ClaimCard } from "./claim-card";
import { DraftCard } from "./draft-card";
import type { ClaimDraft } from "./claim-drafts";
import { useCardRefs } from "./use-card-refs";
import { useShownCards } from "./use-shown-cards";
import { FormError } from "@/components/ui/form-error";

type Props = {
  claims: ClaimDto[];
  loading: boolean;
  error: string | null;
  drafts: ClaimDraft[];
  selectedId: string | null;
  editId: string | null;
  onSelect: (id: string) => void;
  onVerdict: (claim: ClaimDto, v: Verdict) => void;
  onSaveRationale: (claim: ClaimDto, html: string) => Promise<unknown>;
  onSaveSpeaker: (claim: ClaimDto, speaker: string) => Promise<unknown>;
  onDelete: (claim: ClaimDto) => void;
  onRetry: (d: ClaimDraft) => void;
  onDiscard: (d: ClaimDraft) => void;
};

/** The side panel: the article's claims in text order, and unsaved drafts. */
export function ClaimPanel(props: Props) {
  const { drafts, selectedId } = props;
  // The cards render after the highlights: with a thousand claims the list is
  // the slow part, and the text is what the reader looks at first.
  const claims = useDeferredValue(props.claims);
  const cardRef = useCardRefs(selectedId);
  const { shown, more, sentinel, showAll } = useShownCards(claims.length, selectedId ? claims.findIndex((c) => c.id === selectedId) : -1);

  return (
    <aside className="claim-panel" aria-label="Claims">
      <h2>
        Claims{" "}
        <span className="count" data-testid="claim-total">
          {claims.length}
        </span>
      </h2>
      {props.loading && <p className="muted">Loading claims…</p>}
      <FormError error={props.error} />
      {drafts.map((d) => (
        <DraftCard key={d.clientId} draft={d} onRetry={() => props.onRetry(d)} onDiscard={() => props.onDiscard(d)} />
      ))}
      {!props.loading && claims.length === 0 && drafts.length === 0 && (
        <p className="muted">Select text in the article, then choose Verified, Disputed or Unsourced (or press V, D or U).</p>
      )}
      <ol className="stack-list claim-list">
        {claims.slice(0, shown).map((claim, i) => (
          <li key={claim.id}>
            <ClaimCard
              ref={cardRef(claim.id)}
              claim={claim}
              number={i + 1}
              selected={claim.id === selectedId}
              startEditing={claim.id === props.editId}
              onSelect={() => props.onSelect(claim.id)}
              onVerdict={(v) => props.onVerdict(claim, v)}
              onSaveRationale={(html) => props.onSaveRationale(claim, html)}
              onSaveSpeaker={(speaker) => props.onSaveSpeaker(claim, speaker)}
              onDelete={() => props.onDelete(claim)}
            />
          </li>
        ))}
        {more && (
          <li ref={sentinel} className="claim-list-more">
            <button type="button" className="btn btn-small" onClick={showAll}>
              Show all {claims.length} claims ({claims.length - shown} more)
            </button>
          </li>
        )}
      </ol>
    </aside>
  );
}
