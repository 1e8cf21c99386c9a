"use client";
import { useId, useState } from "react";
import type { EvidenceDto } from "@/lib/schemas/evidence";
import { useEvidenceItem } from "@/lib/queries/use-evidence";
import { UsedInList } from "./used-in-list";

/**
 * Confirms a delete after showing where the item is used. The item then
 * leaves the library but stays as a tombstone: the claims that cite it keep
 * showing it, marked deleted. Cancelling (Escape or the button) puts focus
 * back on the control that opened the dialog.
 */
export function DeleteEvidenceDialog({ item, onConfirm, onCancel }: { item: EvidenceDto; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  // Read while rendering, before the Cancel button's autoFocus moves focus into the dialog.
  const [opener] = useState(() => (typeof document === "undefined" ? null : document.activeElement));
  const handleCancel = () => {
    onCancel();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  };
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
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.stopPropagation();
        handleCancel();
      }}
    >
      <h2 id={`${id}-title`}>Delete “{item.title}”?</h2>
      <div id={`${id}-body`}>
        {detail.isPending ? (
          <p className="muted">Checking where it is used…</p>
        ) : detail.error ? (
          <p role="alert" className="form-error">
            {detail.error.message}
          </p>
        ) : uses.length > 0 ? (
          <>
            <p>
              It is used by {uses.length} {uses.length === 1 ? "claim" : "claims"} in {articles} {articles === 1 ? "article" : "articles"}.
              They will keep showing it, marked deleted.
            </p>
            <UsedInList uses={uses} />
          </>
        ) : (
          <p>No claim uses it.</p>
        )}
      </div>
      <div className="row-actions">
        <button type="button" className="btn btn-small btn-danger" onClick={onConfirm} disabled={detail.isPending}>
          Delete
        </button>
        <button type="button" className="btn btn-small" onClick={handleCancel} autoFocus>
          Cancel
        </button>
      </div>
    </div>
  );
}
