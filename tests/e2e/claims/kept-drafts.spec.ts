/**
 * What a person typed or tagged and had not saved survives leaving the page
 * (components/ui/use-kept-draft.ts): a rationale and a comment come back
 * after a link is followed and the article opened again, a tag whose save
 * failed comes back after a reload for Retry, and closing the tab with any
 * of them asks first. Saved, they are gone from the tab.
 */
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { selectWithMouse } from "../../support/select-text";

const PHRASE = "NATO wants to create a new Cold War in Asia.";
const OTHER = "Stoltenberg met with Foreign Minister Park Jin";

test("a rationale and a comment typed and not saved come back after the page was left, until saved", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await selectWithMouse(page, PHRASE);
  await page.getByRole("button", { name: "Disputed", exact: true }).click();
  const card = page.getByTestId("claim-card");
  await card.getByRole("textbox", { name: "Rationale" }).click();
  await page.keyboard.type("The agency quotes nobody from NATO.");
  await card.getByTestId("discussion-toggle").click();
  await card.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type("Who has the KCNA original?");

  // Away by a link, and back to the article.
  await page.getByRole("link", { name: "Evidence", exact: true }).click();
  await expect(page).toHaveURL(/\/evidence/);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(card.getByTestId("draft-restored")).toHaveText("What you typed here and had not saved is back.");
  await expect(card.getByRole("textbox", { name: "Rationale" })).toHaveText("The agency quotes nobody from NATO.");
  await expect(card.getByRole("textbox", { name: "Comment" })).toHaveText("Who has the KCNA original?");
  // Nothing was saved by leaving.
  const [row] = await testDb().annotation.findMany({ where: { articleId: desk.article.id } });
  expect(row!.rationaleHtml).toBe("");

  await card.getByRole("button", { name: "Save rationale" }).click();
  await expect(card.getByTestId("claim-rationale")).toHaveText("The agency quotes nobody from NATO.");
  await card.getByRole("button", { name: "Post comment" }).click();
  await expect(card.getByTestId("comment")).toContainText("Who has the KCNA original?");
  await expect
    .poll(async () => (await testDb().annotation.findUniqueOrThrow({ where: { id: row!.id } })).rationaleHtml)
    .toBe("<p>The agency quotes nobody from NATO.</p>");

  // Saved and posted: the next visit opens neither.
  await page.reload();
  await expect(card.getByTestId("claim-rationale")).toHaveText("The agency quotes nobody from NATO.");
  await expect(card.getByRole("textbox", { name: "Rationale" })).toHaveCount(0);
  await expect(card.getByRole("textbox", { name: "Comment" })).toHaveCount(0);
});

test("a tag whose save failed comes back after a reload, and Retry saves it once", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await page.route(`**/api/articles/${desk.article.id}/claims`, (route) =>
    route.request().method() === "POST" ? route.fulfill({ status: 503, json: { error: "Try again shortly." } }) : route.fallback(),
  );
  await selectWithMouse(page, OTHER);
  await page.getByRole("button", { name: "Verified", exact: true }).click();
  const draft = page.getByTestId("draft-card");
  await expect(draft).toHaveAttribute("data-state", "failed");

  await page.unroute(`**/api/articles/${desk.article.id}/claims`);
  await page.reload();
  await expect(draft).toHaveAttribute("data-state", "failed");
  await expect(draft).toContainText("The page was left before this tag was saved. Retry, or discard it.");
  await expect(draft.locator("blockquote")).toHaveText(OTHER);
  await draft.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("draft-card")).toHaveCount(0);
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  await expect.poll(() => testDb().annotation.count({ where: { articleId: desk.article.id, exact: OTHER } })).toBe(1);
  await page.reload();
  await expect(page.getByTestId("draft-card")).toHaveCount(0);
});

test("closing the tab with unsaved words asks first; with nothing unsaved it does not", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await selectWithMouse(page, PHRASE);
  await page.getByRole("button", { name: "Unsourced", exact: true }).click();
  const rationale = page.getByTestId("claim-card").getByRole("textbox", { name: "Rationale" });
  await rationale.click();
  await page.keyboard.type("Half a thought");

  const asked: string[] = [];
  page.on("dialog", (d) => {
    asked.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(["beforeunload"]);
  expect(page.isClosed()).toBe(false);

  // Cancelled, the words are given up: the tab closes without asking.
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toEqual(["beforeunload"]);
});
