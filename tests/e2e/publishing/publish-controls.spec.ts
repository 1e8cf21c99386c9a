/**
 * Who is offered what around publishing, and what a refusal looks like:
 * - the Publish form sends an empty or over-long address to the server and
 *   shows its refusal next to the field (nothing is cut to fit, nothing is
 *   published); ClaimReview is offered in the Export menu only once the
 *   fact-check has a public page, and then points there;
 * - a reviewer gets no Publish menu, and while they review the article blind
 *   the Export menu says why the report has nothing for them instead of
 *   offering six empty files.
 * Screenshots at desktop and phone widths go to the test's output folder.
 */
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { makePublishableDesk } from "../../support/publishable-desk";
import { annotateInRound, deskRound } from "@/seeds/review-factories";

test("the Publish form shows the server's refusal of an empty or over-long address next to the field, and ClaimReview waits for the public page", async ({
  page,
  context,
}) => {
  const d = await makePublishableDesk();
  await signInContext(context, d.editor.email);
  await page.goto(`/articles/${d.article.id}`);

  // Not published: ClaimReview is named, without a link, saying why.
  await page.getByRole("button", { name: "Export" }).click();
  const exportPanel = page.getByRole("region", { name: "Export and import" });
  await expect(exportPanel.locator('a[data-format="claimreview"]')).toHaveCount(0);
  await expect(exportPanel.locator('[data-format="claimreview"]')).toContainText("points search engines at the public fact-check");
  await page.getByRole("button", { name: "Export" }).click();

  await page.getByTestId("publish-menu").click();
  const panel = page.getByRole("region", { name: "Publishing" });
  const address = panel.getByLabel("Address");
  const publish = panel.getByRole("button", { name: "Publish fact-check" });
  const message = panel.locator(".publish-form .export-menu-hint");

  await address.fill("");
  await publish.click();
  await expect(message).toHaveText(/^Give the fact-check an address/);
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(address).toHaveAccessibleDescription(/Give the fact-check an address/);

  const long = "a".repeat(300);
  await address.fill(long);
  await expect(address).toHaveValue(long);
  await publish.click();
  await expect(message).toHaveText("The address can have at most 80 characters; this one has 300. Shorten it.");
  await expect(address).toHaveValue(long);
  await page.screenshot({ path: test.info().outputPath("publish-refused-desktop.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("publish-refused-phone.png") });
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await testDb().publication.count({ where: { articleId: d.article.id } })).toBe(0);

  const slug = `nato-visit-${d.team.slug}`.slice(0, 80);
  await address.fill(slug);
  await publish.click();
  const link = panel.getByTestId("public-url");
  await expect(link).toHaveAttribute("href", new RegExp(`/f/${d.team.slug}/${slug}$`));
  await expect(address).toHaveCount(0);
  const url = (await link.getAttribute("href"))!;
  await page.getByTestId("publish-menu").click();

  // Published: ClaimReview is offered, and each review points at the public page.
  await page.getByRole("button", { name: "Export" }).click();
  const claimreview = exportPanel.locator('a[data-format="claimreview"]');
  await expect(claimreview).toBeVisible();
  const reviews = (await (await context.request.get((await claimreview.getAttribute("href"))!)).json()) as { url: string }[];
  expect(reviews.length).toBeGreaterThan(0);
  for (const r of reviews) expect(r.url).toMatch(new RegExp(`^${url}#claim-\\d+$`));
});

test("a reviewer gets no Publish menu, and during their blind review the Export menu says why it offers no report", async ({
  page,
  context,
  desk,
}) => {
  const db = testDb();
  const version = { id: desk.version.id, articleId: desk.article.id, text: desk.text };
  const round = await deskRound(db, { team: desk.team, version, editor: desk.editor, reviewers: [desk.reviewer] });
  const phrase = "hundreds of tanks, fighter jets and weapons to NATO member Poland";
  await annotateInRound(db, { team: desk.team, roundId: round.id, version, authorId: desk.reviewer.id, phrase, verdict: "disputed" });

  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("round-banner")).toBeVisible();
  await expect(page.getByTestId("publish-menu")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Publish/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Export" }).click();
  const panel = page.getByRole("region", { name: "Export and import" });
  await expect(panel.getByTestId("export-blind-note")).toHaveText(
    "The report shows the desk’s final claims. You are reviewing this article blind, so it has none for you, yours included, until the round is revealed.",
  );
  await expect(panel.locator("a[data-format]")).toHaveCount(0);
  await expect(panel.getByLabel("Published at")).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("blind-export-desktop.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("blind-export-phone.png") });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
