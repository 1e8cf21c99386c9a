"use client";
import { popoverPosition, type PopoverRect } from "./popover-position";

type Props = {
  rect: PopoverRect;
  /** The claim's words as they were checked, so the editor sees what is being placed. */
  quote: string;
  busy: boolean;
  onPlace: () => void;
  onCancel: () => void;
};

/**
 * While an editor re-places a claim, the controls come to the words they
 * select (where the verdict picker would otherwise appear and invite a
 * second, duplicate claim): place the claim there, or stop re-placing.
 */
export function PlacePopover({ rect, quote, busy, onPlace, onCancel }: Props) {
  return (
    <div
      className="verdict-popover place-popover"
      role="dialog"
      aria-label="Re-place the claim"
      style={popoverPosition(rect)}
      data-testid="place-popover"
    >
      <p className="small">Re-place “{quote.length > 60 ? `${quote.slice(0, 60)}…` : quote}” on these words?</p>
      <div className="row-actions">
        <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={onPlace}>
          Place on selection
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
