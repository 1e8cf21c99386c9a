import type { Page } from "@playwright/test";

/**
 * Drags the mouse across the first occurrence of `phrase` in the article
 * text, as a person would: from the left edge of its first character to the
 * right edge of its last. `duringDrag` runs once the button is down, before the mouse moves.
 */
export async function selectWithMouse(page: Page, phrase: string, occurrence = 0, duringDrag?: () => Promise<void>) {
  await page.locator(".article-viewer .ProseMirror").first().waitFor();
  // A web font arriving after the rects are measured re-wraps the lines, and the drag lands on other words.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const box = await page.evaluate(
    ({ phrase, occurrence }) => {
      const root = document.querySelector(".article-viewer .ProseMirror");
      if (!root) throw new Error("article text not rendered");
      // Map the phrase onto text nodes (it may span decorations and paragraphs).
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; start: number }[] = [];
      let full = "";
      let lastBlock: Element | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const block = (n.parentElement as Element).closest("p, h2, blockquote");
        if (lastBlock && block !== lastBlock) full += "\n";
        lastBlock = block;
        nodes.push({ node: n as Text, start: full.length });
        full += n.textContent ?? "";
      }
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = full.indexOf(phrase, at + 1);
      if (at < 0) throw new Error(`phrase not found: ${phrase}`);
      const locate = (offset: number) => {
        const hit = [...nodes].reverse().find((x) => x.start <= offset)!;
        return { node: hit.node, offset: offset - hit.start };
      };
      const charRect = (offset: number) => {
        const { node, offset: o } = locate(offset);
        const r = document.createRange();
        r.setStart(node, o);
        r.setEnd(node, o + 1);
        return r.getClientRects()[0]!;
      };
      // Bring the phrase on screen first: a drag past the viewport edge selects to the end.
      locate(at).node.parentElement!.scrollIntoView({ block: "center" });
      const first = charRect(at);
      const last = charRect(at + phrase.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    { phrase, occurrence },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await duringDrag?.();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/** The text a claim's highlight covers, read from the decorations in the page. */
export async function highlightedText(page: Page, claimId: string): Promise<string> {
  return page.evaluate((id) => {
    const parts = [...document.querySelectorAll(`.article-viewer [data-claim-id="${id}"]`)];
    let text = "";
    let lastBlock: Element | null = null;
    for (const el of parts) {
      // Skip an element nested inside another of the same claim (never expected, but never double-count).
      if (el.parentElement?.closest(`[data-claim-id="${id}"]`)) continue;
      const block = el.closest("p, h2, blockquote");
      if (lastBlock && block !== lastBlock) text += "\n";
      lastBlock = block;
      text += el.textContent ?? "";
    }
    return text;
  }, claimId);
}

/**
 * Resolves once the browser has rendered two frames from now: whatever the
 * last input event caused (a state update, an effect, a popover) has been
 * committed and painted by then. Tests that check something did NOT happen
 * wait on this instead of a fixed sleep.
 */
export async function nextPaint(page: Page) {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}
