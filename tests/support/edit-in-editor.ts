import type { Page } from "@playwright/test";

/**
 * In a tiptap editor (contenteditable), selects the `occurrence`-th `phrase`
 * as a user would with the keyboard or mouse, then types `replacement` over
 * it, so the edit goes through ProseMirror's own input handling.
 */
export async function replaceInEditor(page: Page, editorSelector: string, phrase: string, replacement: string, occurrence = 0) {
  const editor = page.locator(`${editorSelector} [contenteditable="true"]`).first();
  await editor.click();
  await page.evaluate(
    ({ sel, phrase, occurrence }) => {
      const root = document.querySelector(`${sel} [contenteditable="true"]`)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        let at = (n.textContent ?? "").indexOf(phrase);
        while (at >= 0) {
          if (seen++ === occurrence) {
            const range = document.createRange();
            range.setStart(n, at);
            range.setEnd(n, at + phrase.length);
            const s = window.getSelection()!;
            s.removeAllRanges();
            s.addRange(range);
            return;
          }
          at = (n.textContent ?? "").indexOf(phrase, at + 1);
        }
      }
      throw new Error(`phrase not in the editor: ${phrase}`);
    },
    { sel: editorSelector, phrase, occurrence },
  );
  await page.keyboard.type(replacement);
}
