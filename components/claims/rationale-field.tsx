"use client";
import { useState } from "react";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { FormError } from "@/components/ui/form-error";

/**
 * Edits a rationale. The typed text stays in the field when a save fails, with
 * the error beside it, so nothing the user wrote is lost.
 */
export function RationaleField({
  initial,
  onSave,
  onCancel,
  autoFocus,
  onDirtyChange,
}: {
  initial: string;
  onSave: (html: string) => Promise<unknown>;
  onCancel: () => void;
  autoFocus?: boolean;
  /** Whether the text differs from `initial`, as it changes (a card closes an untouched field when another claim is tagged). */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const [html, setHtml] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function handleSave() {
    setSaving(true);
    setError(null);
    try {
      await onSave(html);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The rationale could not be saved.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="rationale-field">
      <RichTextEditor
        value={html}
        onChange={(next) => {
          setHtml(next);
          onDirtyChange?.(next !== initial);
        }}
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
        <button type="button" className="btn btn-small" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </div>
  );
}
