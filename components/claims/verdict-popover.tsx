"use client";
import type { Verdict } from "@/lib/schemas/claim";
import { VerdictButtons } from "./verdict-buttons";
import { popoverPosition, type PopoverRect } from "./popover-position";

/** Floating verdict picker shown next to the current text selection. */
export function VerdictPopover({ rect, onPick }: { rect: PopoverRect; onPick: (v: Verdict) => void }) {
  return (
    <div className="verdict-popover" role="dialog" aria-label="Tag the selected claim" style={popoverPosition(rect)}>
      <VerdictButtons onPick={onPick} />
    </div>
  );
}
