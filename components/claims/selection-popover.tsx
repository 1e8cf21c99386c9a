"use client";
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { popoverPosition, type PopoverRect } from "./popover-position";

/** A floating box next to the current text selection, placed by its measured size so it stays inside the window. */
export function SelectionPopover({
  rect,
  label,
  className,
  children,
}: {
  rect: PopoverRect;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | undefined>(undefined);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && (el.offsetWidth !== size?.width || el.offsetHeight !== size?.height))
      setSize({ width: el.offsetWidth, height: el.offsetHeight });
  }, [rect, size]);
  return (
    <div
      ref={box}
      className={className ? `verdict-popover ${className}` : "verdict-popover"}
      role="dialog"
      aria-label={label}
      style={popoverPosition(rect, size)}
    >
      {children}
    </div>
  );
}
