import { test, expect, signInContext, makeDesk } from "../../support/fixtures";

test("correcting an unknown or another team's article is the not-found page (404), not a spinner", async ({ page, context, desk }) => {
  await signInContext(context, desk.editor.email);
  expect((await page.goto("/articles/no-such-article/correct"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Article not found" })).toBeVisible();
  await expect(page.getByText("Loading article…")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save correction" })).toHaveCount(0);

  const other = await makeDesk();
  expect((await page.goto(`/articles/${other.article.id}/correct`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Article not found" })).toBeVisible();
  await expect(page.getByText("Loading article…")).toHaveCount(0);
});

test("a network failure while loading the article to correct shows the error", async ({ page, context, desk }) => {
  await signInContext(context, desk.editor.email);
  await page.route(`**/api/articles/${desk.article.id}`, (route) => route.abort("connectionrefused"));
  await page.goto(`/articles/${desk.article.id}/correct`);
  // Two retries for a network error first, then the message.
  await expect(page.getByRole("alert").filter({ hasText: "Could not reach the server" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Loading article…")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save correction" })).toHaveCount(0);
});
