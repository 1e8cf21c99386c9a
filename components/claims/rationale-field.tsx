"use client";
import { useEffect, useState } from "react";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { FormError } from "@/components/ui/form-error";
import { useKeptDraft } from "@/components/ui/use-kept-draft";

/**
 * Edits a rationale. The typed text stays in the field when a save fails, with
 * the error beside it, and is kept for the tab until it is saved or cancelled
 * (../ui/use-kept-draft.ts), so nothing the user wrote is lost by a failed
 * save, a link followed or a reload.
 */
export function RationaleField({
  draft,
  initial,
  onSave,
  onCancel,
  autoFocus,
  onDirtyChange,
}: {
  /** What the kept draft is for (`rationale:<claimId>`). */
  draft: string;
  initial: string;
  onSave: (html: string) => Promise<unknown>;
  onCancel: () => void;
  autoFocus?: boolean;
  /** Whether the text differs from `initial`, as it changes (a card closes an untouched field when another claim is tagged). */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const { value: html, setValue: setHtml, restored, forget } = useKeptDraft(draft, initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => onDirtyChange?.(html !== initial), [html, initial, onDirtyChange]);

  async function handleSave() {
    setSaving(true);
    setError(null);
    try {
      await onSave(html);
      forget();
    } catch (e) {
      setError(e instanceof Error ? e.message : "The rationale could not be saved.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="rationale-field">
      {restored && (
        <p className="muted small" data-testid="draft-restored">
          What you typed here and had not saved is back.
        </p>
      )}
      <RichTextEditor
        value={html}
        onChange={setHtml}
        ariaLabel="Rationale"
        placeholder="Why this verdict? Sources, reasoning…"
        autoFocus={autoFocus}
        onSubmit={handleSave}
      />
      <FormError error={error} />
      <div className="row-actions">
        <button type="button" className="btn btn-primary btn-small" onClick={handleSave} disabled={saving}>
          {saving ? "Saving…" : "Save rationale"}
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            forget();
            onCancel();
          }}
          disabled={saving}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
