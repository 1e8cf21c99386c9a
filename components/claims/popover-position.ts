/** A viewport rectangle (the end of a text selection). */
export type PopoverRect = { top: number; left: number; bottom: number; right: number };

/** Where a popover 340 px wide goes: under the selection, inside the window. */
export function popoverPosition(rect: PopoverRect): { top: number; left: number } {
  const width = typeof window !== "undefined" ? window.innerWidth : 1024;
  return { top: rect.bottom + 8, left: Math.max(8, Math.min(rect.left, width - 340)) };
}
