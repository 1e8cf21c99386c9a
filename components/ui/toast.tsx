"use client";
import { useEffect } from "react";

export type ToastMessage = { id: number; text: string; tone?: "info" | "error"; action?: { label: string; run: () => void } };

/** A transient status line with an optional action (e.g. Undo). Errors stay until dismissed. */
export function Toast({ toast, onDismiss, timeoutMs = 8000 }: { toast: ToastMessage | null; onDismiss: () => void; timeoutMs?: number }) {
  useEffect(() => {
    if (!toast || toast.tone === "error") return;
    const t = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(t);
  }, [toast, onDismiss, timeoutMs]);
  return (
    <div className="toast-region" role={toast?.tone === "error" ? "alert" : "status"} aria-live="polite">
      {toast && (
        <div className={`toast toast--${toast.tone ?? "info"}`} data-testid="toast">
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
