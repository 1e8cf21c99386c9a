"use client";
import type { Verdict } from "@/lib/schemas/claim";
import { VerdictButtons } from "./verdict-buttons";

type Rect = { top: number; left: number; bottom: number; right: number };

/** Floating verdict picker shown next to the current text selection. */
export function VerdictPopover({ rect, onPick }: { rect: Rect; onPick: (v: Verdict) => void }) {
  const top = rect.bottom + 8;
  const left = Math.max(8, Math.min(rect.left, (typeof window !== "undefined" ? window.innerWidth : 1024) - 340));
  return (
    <div className="verdict-popover" role="dialog" aria-label="Tag the selected claim" style={{ top, left }}>
      <VerdictButtons onPick={onPick} />
    </div>
  );
}
