"use client";
import { VERDICTS, VERDICT_LABELS, type Verdict } from "@/lib/schemas/claim";
import { VERDICT_ICONS } from "./verdict-badge";

/** Keyboard shortcut of each verdict while a selection is active. */
export const VERDICT_KEYS: Record<Verdict, string> = { verified: "V", disputed: "D", unsourced: "U" };

/**
 * The three verdict buttons. Their accessible names are exactly the verdict
 * labels; the icon and key hint are hidden from assistive technology.
 */
export function VerdictButtons({ current, onPick, disabled }: { current?: Verdict; onPick: (v: Verdict) => void; disabled?: boolean }) {
  return (
    <div className="verdict-buttons" role="group" aria-label="Verdict">
      {VERDICTS.map((v) => (
        <button
          key={v}
          type="button"
          className={`btn verdict-btn verdict-btn--${v}`}
          aria-pressed={current ? current === v : undefined}
          aria-keyshortcuts={current ? undefined : VERDICT_KEYS[v]}
          disabled={disabled}
          // Keep the text selection alive while the button is pressed.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(v)}
        >
          <span aria-hidden="true" className="verdict-icon">
            {VERDICT_ICONS[v]}
          </span>
          {VERDICT_LABELS[v]}
          {!current && <kbd aria-hidden="true">{VERDICT_KEYS[v]}</kbd>}
        </button>
      ))}
    </div>
  );
}
