"use client";
import type { ClaimDto } from "@/lib/schemas/claim";
import { usePlaceAnchor } from "@/lib/queries/use-claim-anchor";
import type { PlaceAnchorVars } from "@/lib/queries/optimistic-anchor";
import { finalClaimAnchorActions, needsEditor } from "./final-claim-anchor";
import { useAnchorSettling } from "./use-anchor-settling";
import { AnchorStateBadge } from "./anchor-state-badge";
import { PlacePopover } from "./place-popover";
import type { PopoverRect } from "./popover-position";
import { FormError } from "@/components/ui/form-error";
import "./anchor-state.css";

type Props = {
  articleId: string;
  claims: ClaimDto[];
  /** Editors and admins settle claims (lib/policies/article.ts). */
  canPlace: boolean;
  /** The current text selection in the article (code points, and where it ends on screen), for re-placing. */
  selection: { start: number; end: number; rect: PopoverRect } | null;
  /** Called once a claim was placed on the selection, so the page can clear it. */
  onPlaced: () => void;
  /** The claim being re-placed, if any: the page shows no verdict picker meanwhile (a selection is for placing). */
  placingId: string | null;
  onPlacingChange: (id: string | null) => void;
};

/**
 * Claims a correction left drifted or orphaned: each with its quote (an
 * orphan's old quote, with its old context), so nothing silently disappears.
 * Editors confirm a drifted claim where it is, or re-place either kind on
 * words they select in the text.
 */
export function OrphanList({ articleId, claims, canPlace, selection, onPlaced, placingId, onPlacingChange: setPlacingId }: Props) {
  const { run: settle, error, pending: busy } = useAnchorSettling(usePlaceAnchor(articleId));
  const pending = claims.filter((c) => !c.deletedAt && needsEditor(c));
  if (pending.length === 0) return null;

  const run = (vars: PlaceAnchorVars<ClaimDto>) =>
    settle(vars, () => {
      setPlacingId(null);
      onPlaced();
    });

  const placing = pending.find((c) => c.id === placingId);
  return (
    <section className="orphan-list" aria-label="Claims to re-place after a correction" data-testid="orphan-list">
      <h2>{pending.length === 1 ? "1 claim needs" : `${pending.length} claims need`} an editor after the correction</h2>
      <FormError error={error} />
      <ol>
        {pending.map((c) => {
          const actions = finalClaimAnchorActions(c, canPlace);
          return (
            <li
              key={c.id}
              className={`orphan-item${placingId === c.id ? " is-placing" : ""}`}
              data-testid="orphan-item"
              data-claim-id={c.id}
            >
              <AnchorStateBadge claim={c} /> <span className="muted small">{c.author.name}</span>
              <blockquote>
                {c.anchorState === "orphaned" && <span className="context">…{c.prefix}</span>}
                <strong>{c.exact}</strong>
                {c.anchorState === "orphaned" && <span className="context">{c.suffix}…</span>}
              </blockquote>
              {actions.place && (
                <div className="row-actions">
                  {actions.confirm && placingId !== c.id && (
                    <button type="button" className="btn btn-small" disabled={busy} onClick={() => run({ claim: c, confirm: true })}>
                      Confirm
                    </button>
                  )}
                  {placingId === c.id ? (
                    <>
                      <button
                        type="button"
                        className="btn btn-small btn-primary"
                        disabled={!selection || busy}
                        onClick={() => selection && run({ claim: c, start: selection.start, end: selection.end })}
                      >
                        Place on selection
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setPlacingId(null)}>
                        Cancel
                      </button>
                      {!selection && (
                        <span className="muted small" role="status">
                          Select the words in the article: the controls appear next to them.
                        </span>
                      )}
                    </>
                  ) : (
                    <button type="button" className="btn btn-small" onClick={() => setPlacingId(c.id)}>
                      Re-place
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {placing && selection && (
        <PlacePopover
          rect={selection.rect}
          quote={placing.exact}
          busy={busy}
          onPlace={() => run({ claim: placing, start: selection.start, end: selection.end })}
          onCancel={() => setPlacingId(null)}
        />
      )}
    </section>
  );
}
