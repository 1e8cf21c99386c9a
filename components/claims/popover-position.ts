/** A viewport rectangle (the end of a text selection). */
export type PopoverRect = { top: number; left: number; bottom: number; right: number };

/** Space kept between a popover and the window's edges. */
const EDGE = 8;

/**
 * Where a popover of `size` goes: under the selection, or above it when the
 * window has no room below, and always inside the window (on a phone the
 * popover is as wide as the window allows, `maxWidth`).
 */
export function popoverPosition(
  rect: PopoverRect,
  size: { width: number; height: number } = { width: 340, height: 48 },
): { top: number; left: number; maxWidth: number } {
  const vw = typeof window !== "undefined" ? window.innerWidth : 1024;
  const vh = typeof window !== "undefined" ? window.innerHeight : 768;
  const maxWidth = vw - 2 * EDGE;
  const width = Math.min(size.width, maxWidth);
  const left = Math.max(EDGE, Math.min(rect.left, vw - width - EDGE));
  const below = rect.bottom + EDGE;
  const above = rect.top - EDGE - size.height;
  const fitsBelow = below + size.height <= vh - EDGE;
  const top = fitsBelow || above < EDGE ? Math.max(EDGE, Math.min(below, vh - size.height - EDGE)) : above;
  return { top, left, maxWidth };
}
