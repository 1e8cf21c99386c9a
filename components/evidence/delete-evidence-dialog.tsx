"use client";
import { useId } from "react";
import type { EvidenceDto } from "@/lib/schemas/evidence";
import { useEvidenceItem } from "@/lib/queries/use-evidence";
import { UsedInList } from "./used-in-list";

/**
 * Confirms a delete after showing where the item is used. The item then
 * leaves the library but stays as a tombstone: the claims that cite it keep
 * showing it, marked deleted.
 */
export function DeleteEvidenceDialog({ item, onConfirm, onCancel }: { item: EvidenceDto; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  const detail = useEvidenceItem(item.id);
  const uses = detail.data?.usedIn ?? [];
  const articles = new Set(uses.map((u) => u.articleId)).size;
  return (
    <div
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      data-testid="delete-evidence-dialog"
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
    >
      <h2 id={`${id}-title`}>Delete “{item.title}”?</h2>
      <div id={`${id}-body`}>
        {detail.isPending ? (
          <p className="muted">Checking where it is used…</p>
        ) : detail.error ? (
          <p role="alert" className="form-error">{detail.error.message}</p>
        ) : uses.length > 0 ? (
          <>
            <p>
              It is used by {uses.length} {uses.length === 1 ? "claim" : "claims"} in {articles} {articles === 1 ? "article" : "articles"}. They will
              keep showing it, marked deleted.
            </p>
            <UsedInList uses={uses} />
          </>
        ) : (
          <p>No claim uses it.</p>
        )}
      </div>
      <div className="row-actions">
        <button type="button" className="btn btn-small btn-danger" onClick={onConfirm} disabled={detail.isPending}>Delete</button>
        <button type="button" className="btn btn-small" onClick={onCancel} autoFocus>Cancel</button>
      </div>
    </div>
  );
}
