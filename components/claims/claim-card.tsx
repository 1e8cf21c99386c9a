"use client";
import { forwardRef, useState } from "react";
import type { ClaimDto, Verdict } from "@/lib/schemas/claim";
import { ClaimCardHead } from "./claim-card-head";
import { VerdictButtons } from "./verdict-buttons";
import { RationaleField } from "./rationale-field";
import { useHasKeptDraft } from "@/components/ui/use-kept-draft";
import { OutcomeBadge } from "@/components/review/outcome-badge";
import { ClaimEvidence } from "@/components/evidence/claim-evidence";
import { ClaimDiscussion } from "@/components/discussion/claim-discussion";
import { ClaimSpeaker } from "@/components/assist/claim-speaker";
import { RelatedClaims } from "@/components/assist/related-claims";

type Props = {
  claim: ClaimDto;
  number: number;
  selected: boolean;
  startEditing?: boolean;
  onSelect: () => void;
  onVerdict: (v: Verdict) => void;
  onSaveRationale: (html: string) => Promise<unknown>;
  onSaveSpeaker: (speaker: string) => Promise<unknown>;
  onDelete: () => void;
};

/** One claim in the side panel: quote, verdict, rationale and actions. */
export const ClaimCard = forwardRef<HTMLElement, Props>(function ClaimCard(
  { claim, number, selected, startEditing, onSelect, onVerdict, onSaveRationale, onSaveSpeaker, onDelete },
  ref,
) {
  const [opened, setEditing] = useState(!!startEditing);
  // A rationale typed here and not saved before the page was left (../ui/use-kept-draft.ts) opens the field again,
  // until it is saved or cancelled; opened so, it does not take the focus (several cards may have one).
  const draft = `rationale:${claim.id}`;
  const kept = useHasKeptDraft(draft);
  const [closed, setClosed] = useState(false);
  const restoring = kept && claim.can.edit && !closed;
  const editing = opened || restoring;
  // Tagging claims in a row: when another claim becomes the one to write about, this card's
  // rationale field closes unless something was typed in it (empty editors would stack up).
  const [dirty, setDirty] = useState(false);
  const [editTarget, setEditTarget] = useState(!!startEditing);
  if (editTarget !== !!startEditing) {
    setEditTarget(!!startEditing);
    if (!startEditing && !dirty) setEditing(false);
  }
  return (
    <article
      ref={ref}
      className={`claim-card${selected ? " is-selected" : ""}`}
      data-testid="claim-card"
      data-claim-id={claim.id}
      data-verdict={claim.verdict}
      aria-current={selected ? "true" : undefined}
    >
      <ClaimCardHead number={number} verdict={claim.verdict} anchor={claim} who={claim.author.name ?? ""} onSelect={onSelect} />
      <OutcomeBadge articleId={claim.articleId} claimId={claim.id} />
      <blockquote className="claim-quote" data-testid="claim-quote">
        {claim.exact}
      </blockquote>
      <ClaimSpeaker speaker={claim.speaker} canEdit={selected && claim.can.edit} onSave={onSaveSpeaker} />
      {editing ? (
        <RationaleField
          draft={draft}
          initial={claim.rationaleHtml}
          autoFocus={opened}
          onDirtyChange={setDirty}
          onSave={async (html) => {
            await onSaveRationale(html);
            setEditing(false);
            setDirty(false);
            setClosed(true);
          }}
          onCancel={() => {
            setEditing(false);
            setDirty(false);
            setClosed(true);
          }}
        />
      ) : claim.rationaleHtml ? (
        // Stored rationales are sanitized when saved (lib/rich-text/sanitize.ts).
        <div
          className="claim-rationale rich-text"
          data-testid="claim-rationale"
          dangerouslySetInnerHTML={{ __html: claim.rationaleHtml }}
        />
      ) : null}
      <ClaimEvidence claim={claim} selected={selected} />
      <ClaimDiscussion articleId={claim.articleId} annotationId={claim.id} />
      {selected && <RelatedClaims claim={claim} />}
      {selected && (claim.can.edit || claim.can.delete) && (
        <div className="claim-actions">
          {claim.can.edit && <VerdictButtons current={claim.verdict} onPick={(v) => v !== claim.verdict && onVerdict(v)} />}
          <div className="row-actions">
            {claim.can.edit && !editing && (
              <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
                {claim.rationaleHtml ? "Edit rationale" : "Add rationale"}
              </button>
            )}
            {claim.can.delete && (
              <button type="button" className="btn btn-small btn-danger" onClick={onDelete}>
                Delete
              </button>
            )}
          </div>
        </div>
      )}
    </article>
  );
});
