"use client";
import { useEffect } from "react";
import type { SuggestionDto } from "@/lib/schemas/assist";
import type { Verdict } from "@/lib/schemas/claim";
import { VerdictButtons } from "@/components/claims/verdict-buttons";
import "./assist.css";

type Rect = { top: number; left: number; bottom: number; right: number };
type Props = {
  suggestion: SuggestionDto;
  rect: Rect;
  busy: boolean;
  onAccept: (v: Verdict) => void;
  onDismiss: () => void;
  onClose: () => void;
};

/**
 * A suggested claim, opened from its underline: why it was suggested, who the
 * text says made it, and the choice: a verdict makes it a claim (with the
 * speaker pre-filled), Dismiss hides it for good in this article.
 */
export function SuggestionPopover({ suggestion, rect, busy, onAccept, onDismiss, onClose }: Props) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  // Below the sentence when there is room, else above it; never wider or taller than the screen.
  const width = typeof window !== "undefined" ? window.innerWidth : 1024;
  const height = typeof window !== "undefined" ? window.innerHeight : 768;
  const below = height - rect.bottom - 16;
  const above = rect.top - 16;
  const left = Math.max(8, Math.min(rect.left, width - 408));
  const place =
    below >= 320 || below >= above ? { top: rect.bottom + 8, maxHeight: below } : { bottom: height - rect.top + 8, maxHeight: above };
  return (
    <div
      className="suggestion-popover"
      role="dialog"
      aria-label="Suggested claim"
      style={{ left, ...place }}
      data-testid="suggestion-popover"
    >
      <div className="suggestion-popover__head">
        <strong>Suggested claim</strong> <span className="muted">score {Math.round(suggestion.score * 100)}%</span>
        <button type="button" className="btn btn-small btn-ghost" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <ul className="suggestion-reasons" aria-label="Why it was suggested">
        {suggestion.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p className="suggestion-speaker">
        Speaker:{" "}
        {suggestion.speaker ? (
          <strong data-testid="suggestion-speaker">{suggestion.speaker}</strong>
        ) : (
          <span className="muted">none named in the text</span>
        )}
      </p>
      <VerdictButtons onPick={onAccept} disabled={busy} />
      <div className="row-actions">
        <button type="button" className="btn btn-small" onClick={onDismiss} disabled={busy}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
