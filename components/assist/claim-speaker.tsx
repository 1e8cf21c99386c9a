"use client";
import { useState } from "react";
import { FormError } from "@/components/ui/form-error";

type Props = { speaker: string | null; canEdit: boolean; onSave: (speaker: string) => Promise<unknown> };

/** Who made the claim: shown on the card, and editable by whoever may edit the claim. A failed save keeps what was typed. */
export function ClaimSpeaker({ speaker, canEdit, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(speaker ?? "");
  const [error, setError] = useState<string | null>(null);
  if (editing) {
    return (
      <form
        className="claim-speaker claim-speaker--editing"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await onSave(value.trim());
            setEditing(false);
          } catch (err) {
            setError(err instanceof Error ? err.message : "The speaker was not saved.");
          }
        }}
      >
        <label>
          Speaker <input value={value} maxLength={200} onChange={(e) => setValue(e.target.value)} autoFocus data-testid="speaker-input" />
        </label>
        <button type="submit" className="btn btn-small">
          Save
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(false)}>
          Cancel
        </button>
        <FormError error={error} />
      </form>
    );
  }
  if (!speaker && !canEdit) return null;
  return (
    <p className="claim-speaker" data-testid="claim-speaker">
      <span className="muted">Speaker:</span> {speaker ?? <span className="muted">not set</span>}
      {canEdit && (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => {
            setValue(speaker ?? "");
            setEditing(true);
          }}
        >
          {speaker ? "Edit" : "Add speaker"}
        </button>
      )}
    </p>
  );
}
