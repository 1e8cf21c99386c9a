import { test, expect, testDb, makeDesk } from "../../support/fixtures";
import { seedDemo } from "@/seeds/demo";

test("signing in as reviewer1 through the form shows the five seed articles; sign out returns to sign-in", async ({ page }) => {
  // This spec is about the demo seed itself, so it loads it (idempotently).
  await seedDemo(testDb());
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("E-mail").fill("reviewer1@claimdesk.test");
  await page.getByLabel("Password").fill("claimdesk");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByTestId("current-user")).toContainText("reviewer");
  const rows = page.getByTestId("article-row");
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: "Revealing Mission Secretary General of NATO" })).toContainText("detik");
  await expect(rows.filter({ hasText: "reaches out Asia" })).toContainText("31 Jan 2023");

  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/signin/);
});

test("a wrong password is refused with a message, and another desk's article is a 404 page", async ({ page, context }) => {
  const mine = await makeDesk();
  const theirs = await makeDesk();
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(mine.reviewer.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password" })).toBeVisible();
  await page.getByLabel("Password").fill("claimdesk");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  const res = await page.goto(`/articles/${theirs.article.id}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Article not found" })).toBeVisible();
  expect((await context.request.get(`/api/articles/${theirs.article.id}/claims`)).status()).toBe(404);
});
