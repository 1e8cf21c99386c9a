/**
 * Publishing end to end: an editor publishes an article with final claims
 * from the article page; a signed-out browser opens the public page, sees the
 * claims, and its JSON-LD holds one ClaimReview per claim with every required
 * and recommended field; the feed lists it; the editor withdraws it and the
 * public page shows the notice without the markup. Screenshots at desktop
 * and phone widths go to the test's output folder.
 */
import { test, expect, signInContext } from "../../support/fixtures";
import { CLAIM_PHRASES, INTERNAL_SOURCE, PUBLIC_SOURCE, makePublishableDesk } from "../../support/publishable-desk";
import { checkGoogleClaimReview } from "../../support/google-claimreview";

test("an editor publishes a fact-check, a signed-out reader finds it with complete ClaimReview markup and in the feed, and the editor withdraws it", async ({
  browser,
  page,
  context,
}) => {
  const d = await makePublishableDesk();
  await signInContext(context, d.editor.email);
  await page.goto(`/articles/${d.article.id}`);
  await page.getByTestId("publish-menu").click();
  const panel = page.getByRole("region", { name: "Publishing" });
  await expect(panel).toContainText("Not published");
  await panel.getByRole("button", { name: "Publish fact-check" }).click();
  const link = panel.getByTestId("public-url");
  await expect(link).toHaveAttribute("href", new RegExp(`/f/${d.team.slug}/stoltenberg-in-asia-`));
  await expect(panel.getByTestId("embed-snippet")).toHaveValue(/claimdesk-factcheck/);
  await expect(page.getByTestId("publish-menu")).toHaveText(/Published/);
  await page.screenshot({ path: test.info().outputPath("publish-menu.png") });
  const url = (await link.getAttribute("href"))!;

  // A reader with no session.
  const reader = await browser.newContext();
  const pub = await reader.newPage();
  const res = await pub.goto(url);
  expect(res!.status()).toBe(200);
  await expect(pub.getByRole("heading", { level: 1 })).toHaveText(d.article.title!);
  await expect(pub.locator("#claim-1 blockquote")).toHaveText(CLAIM_PHRASES[0]);
  await expect(pub.locator("#claim-1 .verdict")).toContainText("True");
  await expect(pub.locator("#claim-2 .verdict")).toContainText("False");
  await expect(pub.locator("li.claim")).toHaveCount(2);
  await expect(pub.locator("#claim-1")).toContainText(PUBLIC_SOURCE);
  await expect(pub.locator("main")).not.toContainText(INTERNAL_SOURCE);
  await expect(pub.locator(".article-text mark.hl")).toHaveCount(2);
  await expect(pub.locator('meta[property="og:title"]')).toHaveAttribute("content", new RegExp(d.article.title!));
  const blocks = await pub.locator('script[type="application/ld+json"]').allTextContents();
  const reviews = blocks.flatMap((b) => JSON.parse(b) as Record<string, unknown>[]);
  expect(reviews.map((r) => r.claimReviewed)).toEqual([...CLAIM_PHRASES]);
  for (const r of reviews) expect(checkGoogleClaimReview(r, url)).toEqual({ required: [], recommended: [] });
  await pub.screenshot({ path: test.info().outputPath("public-page-desktop.png"), fullPage: true });
  await pub.setViewportSize({ width: 390, height: 844 });
  await pub.screenshot({ path: test.info().outputPath("public-page-phone.png"), fullPage: true });
  expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The feed lists it; the index links it.
  const feed = await reader.request.get(`/f/${d.team.slug}/feed.xml`);
  expect(await feed.text()).toContain(`<link rel="alternate" type="text/html" href="${url}"/>`);
  await pub.goto(`/f/${d.team.slug}`);
  await expect(pub.getByRole("link", { name: d.article.title! })).toHaveAttribute("href", new URL(url).pathname);

  // The editor withdraws it, from the menu still open since the publish.
  await expect(page.getByTestId("publish-menu")).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("button", { name: "Withdraw…" }).click();
  await page.getByLabel(/Why it is withdrawn/).fill("The quotes were attributed to the wrong speaker.");
  await page.getByRole("button", { name: "Withdraw fact-check" }).click();
  await expect(page.getByTestId("publish-menu")).toHaveText(/Withdrawn/);

  await pub.goto(url);
  await expect(pub.getByRole("heading", { name: "This fact-check was withdrawn" })).toBeVisible();
  await expect(pub.locator(".notice")).toContainText("The quotes were attributed to the wrong speaker.");
  await expect(pub.locator('script[type="application/ld+json"]')).toHaveCount(0);
  await expect(pub.locator("li.claim")).toHaveCount(0);
  await pub.screenshot({ path: test.info().outputPath("withdrawn-phone.png"), fullPage: true });
  await reader.close();
});
