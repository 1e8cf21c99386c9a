"use client";
import { VERDICTS, VERDICT_LABELS, type Verdict } from "@/lib/schemas/claim";
import { VERDICT_ICONS } from "./verdict-badge";

/** Keyboard shortcut of each verdict while a selection is active. */
export const VERDICT_KEYS: Record<Verdict, string> = { verified: "V", disputed: "D", unsourced: "U" };

/**
 * The three verdict buttons. Their accessible names are exactly the verdict
 * labels; the icon and key hint are hidden from assistive technology.
 */
export function VerdictButtons({
  current,
  onPick,
  disabled,
  shortcuts = !current,
}: {
  current?: Verdict;
  onPick: (v: Verdict) => void;
  disabled?: boolean;
  /** Whether V, D and U pick (shown on the buttons): by default only where nothing is picked yet (a new selection). */
  shortcuts?: boolean;
}) {
  return (
    <div className="verdict-buttons" role="group" aria-label="Verdict">
      {VERDICTS.map((v) => (
        <button
          key={v}
          type="button"
          className={`btn verdict-btn verdict-btn--${v}`}
          aria-pressed={current ? current === v : undefined}
          aria-keyshortcuts={shortcuts ? VERDICT_KEYS[v] : undefined}
          disabled={disabled}
          // Keep the text selection alive while the button is pressed.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(v)}
        >
          <span aria-hidden="true" className="verdict-icon">
            {VERDICT_ICONS[v]}
          </span>
          {VERDICT_LABELS[v]}
          {shortcuts && <kbd aria-hidden="true">{VERDICT_KEYS[v]}</kbd>}
        </button>
      ))}
    </div>
  );
}
