/**
 * The flash of a claim shown from its card: a yellow glow over the claim's text that holds, then fades.
 *
 * It is drawn in an overlay over the text, not on the claim's `<mark>`s, so that only the compositor animates it:
 * the overlay's opacity is all that changes while it plays (Chromium runs opacity and transform animations on the
 * compositor thread). Animating the mark itself (its box-shadow and background) made the main thread repaint the
 * claim's line group every frame for 1.2 s, some 10 ms of each frame on a 5,000-claim article, which is the
 * first second of typing a rationale after clicking "Claim N".
 *
 * The overlay holds one box per line of the claim (its marks' client rects, nested claims' marks included, merged
 * per line), in two layers: the fill, multiplied with the text under it (on white it is the colour the mark's own
 * background had; the text stays dark and readable), and the ring, drawn over the line gap like the mark's box-shadow.
 * It lives in the viewer's root (`position: relative`), so it scrolls with the text; it is placed again whenever the
 * article's or the root's size changes (lines out of view drawn for the first time, a resize), with a ResizeObserver,
 * which also places it the first time, before its first paint. Its CSS is in article-viewer.css.
 */

/** A line box of the claim, in the overlay's coordinates. */
type Box = { top: number; left: number; right: number; bottom: number };

/** One box per line: the client rects of the claim's marks (a nested claim splits a line into several), merged. */
export function lineBoxes(rects: readonly Box[]): Box[] {
  const sorted = rects.filter((r) => r.right > r.left && r.bottom > r.top).sort((a, b) => a.top - b.top || a.left - b.left);
  const out: Box[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(r.top - last.top) < 1 && Math.abs(r.bottom - last.bottom) < 1 && r.left <= last.right + 1) {
      last.right = Math.max(last.right, r.right);
    } else out.push({ top: r.top, left: r.left, right: r.right, bottom: r.bottom });
  }
  return out;
}

/**
 * Shows the glow over claim `id`'s marks in `text` (the editor's element), inside `root` (the viewer's positioned
 * root). Returns what removes it. A new flash makes a new overlay, so a repeated flash starts its animation again.
 */
export function showClaimFlash(root: HTMLElement, text: HTMLElement, id: string): () => void {
  const doc = root.ownerDocument;
  const overlay = doc.createElement("div");
  overlay.className = "article-viewer__flash";
  overlay.setAttribute("aria-hidden", "true");
  const fill = doc.createElement("div");
  fill.className = "article-viewer__flash-fill";
  const ring = doc.createElement("div");
  ring.className = "article-viewer__flash-ring";
  overlay.append(fill, ring);

  const place = () => {
    const marks = text.querySelectorAll(`[data-claim-id="${CSS.escape(id)}"]`);
    const origin = overlay.getBoundingClientRect();
    const boxes = lineBoxes(Array.from(marks, (m) => Array.from(m.getClientRects())).flat()).map((b) => {
      const el = doc.createElement("div");
      el.style.cssText = `top:${b.top - origin.top}px;left:${b.left - origin.left}px;width:${b.right - b.left}px;height:${b.bottom - b.top}px`;
      return el;
    });
    fill.replaceChildren(...boxes);
    ring.replaceChildren(...boxes.map((b) => b.cloneNode()));
  };
  const observer = new ResizeObserver(place);
  root.append(overlay);
  observer.observe(text);
  // The text is centred in the root: a root of another width moves it even when the text keeps its own.
  observer.observe(root);
  return () => {
    observer.disconnect();
    overlay.remove();
  };
}
