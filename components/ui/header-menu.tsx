"use client";
import { usePathname } from "next/navigation";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { useDismiss } from "./use-dismiss";

/**
 * The header's links and the person's controls. On a wide screen they sit in
 * the bar; on a narrow one (globals.css, `.topbar-menu`) they fold behind a
 * Menu button and open as a panel under the bar, closed again by Escape, a
 * press outside, or following a link.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close);
  // A followed link lands on another page: the menu closes behind it.
  const pathname = usePathname();
  const [at, setAt] = useState(pathname);
  if (at !== pathname) {
    setAt(pathname);
    setOpen(false);
  }
  return (
    <div className="topbar-collapse" ref={root}>
      <button
        type="button"
        className="btn topbar-menu-toggle"
        aria-expanded={open}
        aria-controls="topbar-menu"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <div id="topbar-menu" className="topbar-menu" data-open={open ? "true" : undefined}>
        {children}
      </div>
    </div>
  );
}
