"use client";
import { useEffect, type RefObject } from "react";

/** Calls `onDismiss` on a mouse press outside `root` or on Escape while `open`, as menus and popovers do. */
export function useDismiss(root: RefObject<HTMLElement | null>, open: boolean, onDismiss: () => void) {
  useEffect(() => {
    if (!open) return;
    const handleDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) onDismiss();
    };
    const handleKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onDismiss();
    };
    document.addEventListener("mousedown", handleDown);
    document.addEventListener("keydown", handleKey);
    return () => {
      document.removeEventListener("mousedown", handleDown);
      document.removeEventListener("keydown", handleKey);
    };
  }, [root, open, onDismiss]);
}
