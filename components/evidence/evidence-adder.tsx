"use client";
import { useEffect, useRef, useState } from "react";
import type { CreateEvidenceInput, EvidenceDto, Stance } from "@/lib/schemas/evidence";
import { EvidencePicker } from "./evidence-picker";
import { EvidenceForm } from "./evidence-form";
import { StanceSelect } from "./stance-select";

/**
 * Adds evidence to a claim without leaving the article: choose a stance (and
 * optionally a pinpoint), then pick an item from the library or describe a
 * new one, which is created and attached in one step.
 */
export function EvidenceAdder({
  excludeIds,
  onAttach,
  onCreate,
}: {
  excludeIds: string[];
  onAttach: (item: EvidenceDto, stance: Stance, pinpoint?: string) => void;
  onCreate: (input: CreateEvidenceInput, stance: Stance, pinpoint?: string) => Promise<unknown>;
}) {
  const [stance, setStance] = useState<Stance>("supports");
  const [pinpoint, setPinpoint] = useState("");
  const [creating, setCreating] = useState(false);
  const pin = pinpoint.trim() || undefined;
  const newButton = useRef<HTMLButtonElement>(null);
  const wasCreating = useRef(false);
  // When the inline form closes, keyboard focus goes back to the button that opened it.
  useEffect(() => {
    if (wasCreating.current && !creating) newButton.current?.focus();
    wasCreating.current = creating;
  }, [creating]);
  return (
    <div className="evidence-adder">
      <div className="row">
        <StanceSelect label="Stance" value={stance} onChange={setStance} />
        <input
          aria-label="Pinpoint (optional)"
          placeholder="Pinpoint: sentence, page…"
          value={pinpoint}
          onChange={(e) => setPinpoint(e.target.value)}
        />
      </div>
      <EvidencePicker
        excludeIds={excludeIds}
        onPick={(item) => {
          onAttach(item, stance, pin);
          setPinpoint("");
        }}
      />
      {creating ? (
        <EvidenceForm
          compact
          submitLabel="Create and attach"
          onSubmit={async (input) => {
            await onCreate(input, stance, pin);
            setCreating(false);
            setPinpoint("");
          }}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <button ref={newButton} type="button" className="btn btn-small" onClick={() => setCreating(true)}>
          New evidence
        </button>
      )}
    </div>
  );
}
