import { test, expect, signInContext } from "../../support/fixtures";
import { nextPaint } from "../../support/select-text";

test("an article with one version lists it and asks the server for no comparison of version 1 with itself", async ({
  page,
  context,
  desk,
}) => {
  await signInContext(context, desk.reviewer.email);
  const compares: string[] = [];
  page.on("request", (r) => r.url().includes("/versions/compare") && compares.push(r.url()));
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/articles/${desk.article.id}/versions` && r.ok());
  await page.goto(`/articles/${desk.article.id}/versions`);
  await listed;
  await expect(page.getByTestId("version-list").locator("li")).toHaveCount(1);
  await expect(page.getByText("This article has not been corrected: there is only one version.")).toBeVisible();
  // The page has rendered its final state; a comparison request would have started with it.
  await nextPaint(page);
  expect(compares).toEqual([]);
});
