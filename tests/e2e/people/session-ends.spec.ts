import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { selectWithMouse } from "../../support/select-text";

const PHRASE = "NATO wants to create a new Cold War in Asia.";
const SECOND = "hundreds of tanks";

test("a session that ends while a rationale is typed: the rationale survives, the person signs in in place, and the save goes through; so does a claim tagged after the end", async ({
  page,
  context,
  desk,
}) => {
  test.slow(); // several pages and browser contexts in one flow
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await selectWithMouse(page, PHRASE);
  await page.getByRole("button", { name: "Verified", exact: true }).click();
  await page.getByRole("textbox", { name: "Rationale" }).click();
  await page.keyboard.type("Two agencies confirmed it on the record.");

  // The session ends (its cookie expired) while the person is typing.
  await context.clearCookies();
  await page.getByRole("button", { name: "Save rationale" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign in again to save" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("E-mail")).toHaveValue(desk.reviewer.email);
  await expect(page.getByRole("textbox", { name: "Rationale" })).toContainText("confirmed it on the record");
  await expect(page).toHaveURL(new RegExp(`/articles/${desk.article.id}$`));
  await dialog.getByLabel("Password").fill("wrong password");
  await dialog.getByRole("button", { name: "Sign in and save" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Wrong password");
  await dialog.getByLabel("Password").fill("claimdesk");
  await dialog.getByRole("button", { name: "Sign in and save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("claim-rationale")).toContainText("confirmed it on the record");
  await expect
    .poll(async () => (await testDb().annotation.findFirstOrThrow({ where: { articleId: desk.article.id } })).rationaleHtml)
    .toContain("confirmed it on the record");

  // A claim tagged after the session ended waits as a draft and is saved after signing in.
  await context.clearCookies();
  await selectWithMouse(page, SECOND);
  await page.getByRole("dialog", { name: "Tag the selected claim" }).getByRole("button", { name: "Disputed", exact: true }).click();
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId("draft-card")).toContainText(SECOND);
  await dialog.getByLabel("Password").fill("claimdesk");
  await dialog.getByRole("button", { name: "Sign in and save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("claim-card")).toHaveCount(2);
  await expect.poll(() => testDb().annotation.count({ where: { articleId: desk.article.id, exact: SECOND } })).toBe(1);
});

test("giving up keeps what was typed on screen with the reason", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await selectWithMouse(page, PHRASE);
  await page.getByRole("button", { name: "Verified", exact: true }).click();
  await page.getByRole("textbox", { name: "Rationale" }).click();
  await page.keyboard.type("Kept after all.");
  await context.clearCookies();
  await page.getByRole("button", { name: "Save rationale" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign in again to save" });
  await dialog.getByRole("button", { name: "Not now" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("alert").filter({ hasText: "Sign in again to save" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Rationale" })).toContainText("Kept after all.");
});
