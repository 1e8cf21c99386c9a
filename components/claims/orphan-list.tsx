"use client";
import { useState } from "react";
import type { ClaimDto } from "@/lib/schemas/claim";
import { usePlaceAnchor } from "@/lib/queries/use-claim-anchor";
import { AnchorStateBadge } from "./anchor-state-badge";
import "./anchor-state.css";

type Props = {
  articleId: string;
  claims: ClaimDto[];
  /** Editors and admins settle claims (lib/policies/article.ts). */
  canPlace: boolean;
  /** The current text selection in the article (code points), for re-placing. */
  selection: { start: number; end: number } | null;
  /** Called once a claim was placed on the selection, so the page can clear it. */
  onPlaced: () => void;
};

/**
 * Claims a correction left drifted or orphaned: each with its quote (an
 * orphan's old quote, with its old context), so nothing silently disappears.
 * Editors confirm a drifted claim where it is, or re-place either kind on
 * words they select in the text.
 */
export function OrphanList({ articleId, claims, canPlace, selection, onPlaced }: Props) {
  const place = usePlaceAnchor(articleId);
  const [placingId, setPlacingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = claims.filter((c) => !c.deletedAt && (c.anchorState === "drifted" || c.anchorState === "orphaned"));
  if (pending.length === 0) return null;

  const run = (vars: Parameters<typeof place.mutate>[0]) => {
    setError(null);
    place.mutate(vars, {
      onSuccess: () => {
        setPlacingId(null);
        onPlaced();
      },
      onError: (e) => setError(e.message),
    });
  };

  return (
    <section className="orphan-list" aria-label="Claims to re-place after a correction" data-testid="orphan-list">
      <h2>{pending.length === 1 ? "1 claim needs" : `${pending.length} claims need`} an editor after the correction</h2>
      {error && <p role="alert" className="form-error">{error}</p>}
      <ol>
        {pending.map((c) => (
          <li key={c.id} className={`orphan-item${placingId === c.id ? " is-placing" : ""}`} data-testid="orphan-item" data-claim-id={c.id}>
            <AnchorStateBadge claim={c} /> <span className="muted small">{c.author.name}</span>
            <blockquote>
              {c.anchorState === "orphaned" && <span className="context">…{c.prefix}</span>}
              <strong>{c.exact}</strong>
              {c.anchorState === "orphaned" && <span className="context">{c.suffix}…</span>}
            </blockquote>
            {canPlace && (
              <div className="row-actions">
                {c.anchorState === "drifted" && placingId !== c.id && (
                  <button type="button" className="btn btn-small" disabled={place.isPending} onClick={() => run({ claim: c, confirm: true })}>Confirm</button>
                )}
                {placingId === c.id ? (
                  <>
                    <button type="button" className="btn btn-small btn-primary" disabled={!selection || place.isPending} onClick={() => selection && run({ claim: c, start: selection.start, end: selection.end })}>
                      Place on selection
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => setPlacingId(null)}>Cancel</button>
                    {!selection && <span className="muted small">Select the words in the article first.</span>}
                  </>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => setPlacingId(c.id)}>Re-place</button>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
