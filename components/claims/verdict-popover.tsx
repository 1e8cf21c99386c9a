"use client";
import { useLayoutEffect, useRef, useState } from "react";
import type { Verdict } from "@/lib/schemas/claim";
import { VerdictButtons } from "./verdict-buttons";
import { popoverPosition, type PopoverRect } from "./popover-position";

/** Floating verdict picker shown next to the current text selection, placed by its measured size so it stays inside the window. */
export function VerdictPopover({ rect, onPick }: { rect: PopoverRect; onPick: (v: Verdict) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | undefined>(undefined);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && (el.offsetWidth !== size?.width || el.offsetHeight !== size?.height))
      setSize({ width: el.offsetWidth, height: el.offsetHeight });
  }, [rect, size]);
  return (
    <div ref={box} className="verdict-popover" role="dialog" aria-label="Tag the selected claim" style={popoverPosition(rect, size)}>
      <VerdictButtons onPick={onPick} />
    </div>
  );
}
