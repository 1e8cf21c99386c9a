import { test, expect } from "../../support/fixtures";

/** The sign-in page's own redirect (window.location after next-auth answers): only ever a path of this app. */
for (const [name, callbackUrl] of [
  ["a backslash after the slash", "%2F%5C127.0.0.1%3A3999%2Fb"],
  ["a tab after the slash", "/%09/127.0.0.1:3999/b"],
  ["a protocol-relative URL", "//127.0.0.1:3999/b"],
  ["another origin", "http%3A%2F%2F127.0.0.1%3A3999%2Fb"],
]) {
  test(`signing in with callbackUrl as ${name} lands on the articles page of this app`, async ({ page, desk }) => {
    const base = new URL(test.info().project.use.baseURL!);
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    await page.getByLabel("E-mail").fill(desk.reviewer.email);
    await page.getByLabel("Password").fill("claimdesk");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${base.origin}/articles`);
    await expect(page.getByTestId("current-user")).toContainText("reviewer");
  });
}

test("a callbackUrl that is a path of this app is kept, with its query", async ({ page, desk }) => {
  const base = new URL(test.info().project.use.baseURL!);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/articles/${desk.article.id}?tab=outcome`)}`);
  await page.getByLabel("E-mail").fill(desk.reviewer.email);
  await page.getByLabel("Password").fill("claimdesk");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${base.origin}/articles/${desk.article.id}?tab=outcome`, { timeout: 30_000 });
});
