"use client";
import { useEffect, useState } from "react";

export type ToastMessage = { id: number; text: string; tone?: "info" | "error"; action?: { label: string; run: () => void } };

/**
 * A transient status line with an optional action (e.g. Undo). Errors stay
 * until dismissed. The others go after `timeoutMs`, counted only while the
 * pointer is not over the toast and the focus not in it (WCAG 2.2.1, timing
 * adjustable): someone moving to Undo, or tabbing to it, keeps it, and it
 * gets its whole time again once they leave.
 */
export function Toast({ toast, onDismiss, timeoutMs = 8000 }: { toast: ToastMessage | null; onDismiss: () => void; timeoutMs?: number }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  // A toast that went while held (Undo clicked) sends no pointer or focus leave: the next one starts free.
  const [shown, setShown] = useState(toast?.id);
  if (shown !== toast?.id) {
    setShown(toast?.id);
    setHovered(false);
    setFocused(false);
  }
  const held = hovered || focused;
  useEffect(() => {
    if (!toast || toast.tone === "error" || held) return;
    const t = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(t);
  }, [toast, onDismiss, timeoutMs, held]);
  return (
    <div className="toast-region" role={toast?.tone === "error" ? "alert" : "status"} aria-live="polite">
      {toast && (
        <div
          className={`toast toast--${toast.tone ?? "info"}`}
          data-testid="toast"
          onPointerEnter={() => setHovered(true)}
          onPointerLeave={() => setHovered(false)}
          onFocus={() => setFocused(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
          }}
        >
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                toast.action!.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="btn-icon" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
