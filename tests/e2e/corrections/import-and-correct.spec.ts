import { fileURLToPath } from "node:url";
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { highlightedText, selectWithMouse } from "../../support/select-text";
import { replaceInEditor } from "../../support/edit-in-editor";

const HTML_FIXTURE = fileURLToPath(new URL("../../fixtures/import/nato-visit.html", import.meta.url));
const NEAR = "Foreign Minister Park Jin";
const OWN = "send more military aid to Ukraine";
const REASON_2 = "The visit began on Sunday, not Monday.";
const REASON_3 = "The aid promised was humanitarian, the minister's office said.";

test("import an HTML file, annotate it, correct a word near a claim, then edit a claim's own words and re-place it", async ({
  page,
  context,
  desk,
}) => {
  test.setTimeout(120_000);
  await signInContext(context, desk.editor.email);

  // 1. Import: upload, preview (script, style and navigation gone), metadata, save.
  await page.goto("/articles");
  await page.getByRole("link", { name: "Add article" }).click();
  await expect(page).toHaveURL(/\/articles\/new$/);
  await page.getByLabel("Upload a file").check();
  await page.locator('input[type="file"]').setInputFiles(HTML_FIXTURE);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("preview-text");
  await expect(preview).toContainText("Stoltenberg met Foreign Minister Park Jin in Seoul on Monday.");
  await expect(preview).not.toContainText("tracker");
  await expect(preview).not.toContainText("Home");
  await expect(preview).not.toContainText("Subscribe");
  await page.getByLabel("Title").fill("NATO chief urges Seoul");
  await page.getByLabel("Published date").fill("2023-01-30");
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new)[^/]+$/);
  const articleId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name: "NATO chief urges Seoul" })).toBeVisible();
  const article = await testDb().article.findUniqueOrThrow({ where: { id: articleId }, include: { versions: true } });
  expect(article).toMatchObject({ teamId: desk.team.id, title: "NATO chief urges Seoul", publishedDate: "2023-01-30" });
  expect(article.versions[0]!.text).not.toContain("tracker");

  // 2. Annotate two claims.
  await selectWithMouse(page, NEAR);
  const popover = page.getByRole("dialog", { name: "Tag the selected claim" });
  await popover.getByRole("button", { name: "Disputed", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  await selectWithMouse(page, OWN);
  await popover.getByRole("button", { name: "Verified", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(2);
  const near = await testDb().annotation.findFirstOrThrow({ where: { articleId, exact: NEAR } });
  const own = await testDb().annotation.findFirstOrThrow({ where: { articleId, exact: OWN } });

  // 3. Correct a word right after the first claim: it stays anchored on the same words.
  await page.getByRole("link", { name: "Correct text" }).click();
  await replaceInEditor(page, '[data-testid="correction-editor"]', "Monday", "Sunday");
  await expect(page.getByTestId("correction-impact")).toContainText("0 will need an editor to confirm");
  // The form asks why before it saves; the text typed stays.
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Say why you corrected the text" })).toBeVisible();
  await expect(page.getByLabel("Why this correction?")).toBeFocused();
  expect(await testDb().articleVersion.count({ where: { articleId } })).toBe(1);
  await page.getByLabel("Why this correction?").fill(REASON_2);
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("heading", { name: "Saved as version 2" })).toBeVisible();
  await expect(page.getByTestId("correction-reason")).toHaveText(`Reason: ${REASON_2}`);
  await page.getByRole("link", { name: "Back to the article" }).click();
  await expect(page.locator(".article-viewer .ProseMirror")).toContainText("in Seoul on Sunday.");
  await expect.poll(() => highlightedText(page, near.id)).toBe(NEAR);
  await expect.poll(() => highlightedText(page, own.id)).toBe(OWN);
  expect((await testDb().annotation.findUniqueOrThrow({ where: { id: near.id } })).anchorState).toBe("anchored");
  await expect(page.getByTestId("orphan-list")).toHaveCount(0);

  // 4. Edit the second claim's own words: it is drifted or orphaned, never silently kept.
  await page.getByRole("link", { name: "Correct text" }).click();
  await replaceInEditor(page, '[data-testid="correction-editor"]', "send more military aid", "deliver humanitarian supplies");
  await page.getByLabel("Why this correction?").fill(REASON_3);
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("heading", { name: "Saved as version 3" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the article" }).click();
  const card = page.locator(`[data-testid="claim-card"][data-claim-id="${own.id}"]`);
  await expect(card.getByTestId("anchor-state")).toHaveText(/Drifted|Orphaned/);
  const state = (await testDb().annotation.findUniqueOrThrow({ where: { id: own.id } })).anchorState;
  expect(["drifted", "orphaned"]).toContain(state);
  await expect.poll(() => highlightedText(page, near.id)).toBe(NEAR);

  // 5. The editor re-places it on the words it should now cover.
  const item = page.locator(`[data-testid="orphan-item"][data-claim-id="${own.id}"]`);
  // An orphan shows its old quote; a drifted claim the words it drifted to.
  const pending = await testDb().annotation.findUniqueOrThrow({ where: { id: own.id } });
  if (state === "orphaned") expect(pending.exact).toBe(OWN);
  await expect(item).toContainText(pending.exact);
  await item.getByRole("button", { name: "Re-place" }).click();
  const NEW_WORDS = "deliver humanitarian supplies to Ukraine";
  await selectWithMouse(page, NEW_WORDS);
  // The controls come to the selected words, in view; no verdict picker invites a second claim there.
  const place = page.getByRole("dialog", { name: "Re-place the claim" });
  await expect(place).toBeInViewport();
  await expect(place).toContainText(`Re-place “${pending.exact}” on these words?`);
  await expect(popover).toHaveCount(0);
  await page.keyboard.press("v");
  await place.getByRole("button", { name: "Place on selection" }).click();
  await expect(page.getByTestId("orphan-list")).toHaveCount(0);
  await expect(card.getByTestId("anchor-state")).toHaveCount(0);
  await expect.poll(() => highlightedText(page, own.id)).toBe(NEW_WORDS);
  // The page updates optimistically; the row follows when the server has saved it.
  await expect
    .poll(async () =>
      (({ anchorState, exact, verdict }) => ({ anchorState, exact, verdict }))(
        await testDb().annotation.findUniqueOrThrow({ where: { id: own.id } }),
      ),
    )
    .toEqual({ anchorState: "anchored", exact: NEW_WORDS, verdict: "verified" });
  // The "v" pressed while placing tagged nothing: still two claims.
  expect(await testDb().annotation.count({ where: { articleId, deletedAt: null } })).toBe(2);

  // 6. Old versions are kept and compared side by side.
  await page.reload();
  await expect.poll(() => highlightedText(page, own.id)).toBe(NEW_WORDS);
  await page.getByRole("link", { name: "Versions" }).click();
  await expect(page.getByTestId("version-list").locator("li")).toHaveCount(3);
  // Each correction says why it was made; the first version has nothing to say.
  await expect(page.getByTestId("version-reason")).toHaveText([`Why: ${REASON_3}`, `Why: ${REASON_2}`]);
  await expect(page.locator('[data-testid="version-row"][data-number="1"]').getByTestId("version-reason")).toHaveCount(0);
  await expect(page.getByTestId("diff-old").locator("del")).toContainText(["send more military aid"]);
  await expect(page.getByTestId("diff-new").locator("ins")).toContainText(["deliver humanitarian supplies"]);
  await expect(page.getByTestId("diff-new")).toContainText("in Seoul on Sunday.");
});
