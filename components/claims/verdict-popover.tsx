"use client";
import type { Verdict } from "@/lib/schemas/claim";
import { VerdictButtons } from "./verdict-buttons";
import type { PopoverRect } from "./popover-position";
import { SelectionPopover } from "./selection-popover";

/** Floating verdict picker shown next to the current text selection. */
export function VerdictPopover({ rect, onPick }: { rect: PopoverRect; onPick: (v: Verdict) => void }) {
  return (
    <SelectionPopover rect={rect} label="Tag the selected claim">
      <VerdictButtons onPick={onPick} />
    </SelectionPopover>
  );
}

/**
 * What a selection on the Outcome tab offers: the outcome is the desk's
 * decided claims and takes no tags, so it says where tagging happens and
 * moves there with the selection kept (the verdict picker then opens on it).
 */
export function OutcomeTagHint({ rect, onSwitch }: { rect: PopoverRect; onSwitch: () => void }) {
  return (
    <SelectionPopover rect={rect} label="Tag the selected text" className="outcome-tag-hint">
      <p className="small">The Outcome is the desk&apos;s decided claims. New claims are tagged on Annotations.</p>
      <button type="button" className="btn btn-small btn-primary" onClick={onSwitch}>
        Tag on Annotations
      </button>
    </SelectionPopover>
  );
}
