/**
 * Updates that reach the article while the mouse button is pressed in its
 * text wait for the release (components/editor/press-gate.ts): drawn under a
 * press, before the page's selection reached the editor, they ended the drag,
 * which then selected nothing and opened no verdict popover (the flake of
 * stops 28-31). Each test holds an update until the button is down, checks it
 * is not drawn while the button stays down, and that the drag is tagged and the
 * update drawn once the button is up.
 */
import type { Page } from "@playwright/test";
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { claimAs, signInAt } from "../../support/app-instance";
import { selectWithMouse } from "../../support/select-text";

const PHRASE = "NATO wants to create a new Cold War in Asia.";

/** Tags the popover's selection as verified and checks the reviewer's claim is saved on `PHRASE`. */
async function tagAndCheck(page: Page, articleId: string, authorId: string) {
  const popover = page.getByRole("dialog", { name: "Tag the selected claim" });
  await expect(popover).toBeVisible();
  await popover.getByRole("button", { name: "Verified", exact: true }).click();
  await expect.poll(async () => (await testDb().annotation.findFirst({ where: { articleId, authorId } }))?.exact).toBe(PHRASE);
}

test("claim suggestions that arrive while the button is pressed are drawn after the release, and the drag is tagged", async ({
  page,
  context,
  desk,
}) => {
  test.slow(); // the server analyses the article for the first time
  await signInContext(context, desk.reviewer.email);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/articles/${desk.article.id}/suggestions`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/articles/${desk.article.id}`);
  const underlines = page.getByTestId("suggestion");
  await selectWithMouse(page, PHRASE, 0, async () => {
    const answered = page.waitForResponse(`**/api/articles/${desk.article.id}/suggestions`);
    release();
    await answered;
    // Time for the page to take the answer in; the button is still down.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
    await expect(underlines).toHaveCount(0);
  });
  await tagAndCheck(page, desk.article.id, desk.reviewer.id);
  await expect(underlines.first()).toBeVisible();
});

test("another reviewer's claim that arrives while the button is pressed is drawn after the release, and the drag is tagged", async ({
  page,
  context,
  desk,
  baseURL,
}) => {
  await signInContext(context, desk.reviewer.email);
  const editor = await signInAt(baseURL!, desk.editor.email);
  await page.goto(`/articles/${desk.article.id}`);
  const cards = page.getByTestId("claim-card");
  const marks = page.locator(".article-viewer .ProseMirror mark[data-claim-id]");
  await expect(cards).toHaveCount(0);
  let otherId = "";
  await selectWithMouse(page, PHRASE, 0, async () => {
    otherId = await claimAs(baseURL!, editor, desk, "Stoltenberg", "disputed");
    // The side panel heard the live event; the text is not drawn again while the button is down.
    await expect(cards).toHaveCount(1);
    await expect(marks).toHaveCount(0);
  });
  await tagAndCheck(page, desk.article.id, desk.reviewer.id);
  await expect(page.locator(`.article-viewer .ProseMirror mark[data-claim-id="${otherId}"]`).first()).toHaveAttribute(
    "data-verdict",
    "disputed",
  );
  await expect(cards).toHaveCount(2);
});

test("a flash that ends while the button is pressed ends after the release, and the drag is tagged", async ({
  page,
  context,
  desk,
  baseURL,
}) => {
  const editor = await signInAt(baseURL!, desk.editor.email);
  await claimAs(baseURL!, editor, desk, "Stoltenberg", "disputed");
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const flashing = page.locator(".article-viewer .ProseMirror mark.is-flashing");
  // Opening the card flashes its claim for 1.3 s (components/editor/article-viewer.tsx); the drag starts at once.
  await page
    .getByTestId("claim-card")
    .getByRole("button", { name: /^Claim 1:/ })
    .click();
  await expect(flashing.first()).toBeVisible();
  await selectWithMouse(page, PHRASE, 0, async () => {
    // Past the flash's end with the button still down: its marks are not drawn again under the press.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1600)));
    await expect(flashing.first()).toBeVisible();
  });
  await tagAndCheck(page, desk.article.id, desk.reviewer.id);
  await expect(flashing).toHaveCount(0);
});
