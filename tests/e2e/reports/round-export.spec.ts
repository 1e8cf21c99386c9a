import { readFileSync } from "node:fs";
import { test, expect, signInContext } from "../../support/fixtures";
import { decideForTest } from "@/seeds/review-factories";
import { findPhrase } from "@/seeds/evidence-factories";
import { DECISION_RATIONALE, makeDecidedRound } from "../../support/decided-round";

const REJECTION = "Both spans only set the scene; nothing here can be checked.";

test("the review page exports the round's report, with each reviewer's verdict, the decision, and the cluster rejected as not a claim", async ({
  page,
  context,
}) => {
  const desk = await makeDecidedRound();
  const boundary = desk.clusters.find((c) => c.kind === "boundary_only")!;
  await decideForTest(desk.db, {
    team: desk.team,
    cluster: boundary,
    version: desk.version,
    deciderId: desk.editor.id,
    action: "reject",
    rationaleHtml: `<p>${REJECTION}</p>`,
  });
  await signInContext(context, desk.editor.email);
  await page.goto(`/reviews/${desk.round.id}`);
  await page.getByText("Export this round’s report").click();
  const links = page.locator(".round-export a[data-format]");
  // A round's report has no public page: ClaimReview is listed without a link, saying where it comes from.
  await expect(links).toHaveCount(5);
  await expect(page.locator('.round-export [data-format="claimreview"]')).toContainText("once the fact-check is published");
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href"))))
    expect(href).toContain(`round=${desk.round.id}`);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .locator(".round-export")
      .getByRole("link", { name: /HTML report/ })
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`-v1-round-${desk.round.id.slice(0, 8)}-report\\.html$`));
  const file = test.info().outputPath("round.html");
  await download.saveAs(file);
  const report = await context.newPage();
  await report.setContent(readFileSync(file, "utf8"));
  const conflict = report.locator("table.claims tbody tr").filter({ hasText: "Reviewers disagreed on the verdict" });
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText(`${desk.reviewer1.name}: Disputed`);
  await expect(conflict).toContainText(`${desk.reviewer2.name}: Verified`);
  await expect(conflict).toContainText(DECISION_RATIONALE);
  const rejected = report.locator("#rejected .rejection");
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toContainText("Reviewers disagreed on the span");
  await expect(rejected).toContainText(`${desk.reviewer1.name} marked it`);
  await expect(rejected).toContainText(REJECTION);
  await expect(report.locator("table.claims")).not.toContainText(REJECTION);
});

test("the Export menu's “Published at” address goes into the ClaimReview and CSV claim URLs, and a bad one is refused", async ({
  page,
  context,
  desk,
}) => {
  await signInContext(context, desk.editor.email);
  const claim = await context.request.post(`/api/articles/${desk.article.id}/claims`, {
    data: { versionId: desk.version.id, ...findPhrase(desk.text, "NATO Secretary-General Jens Stoltenberg"), verdict: "verified" },
  });
  expect(claim.status()).toBe(201);
  await page.goto(`/articles/${desk.article.id}`);
  await page.getByRole("button", { name: "Export" }).click();
  const href = (format: string) => page.locator(`.export-menu a[data-format="${format}"]`).getAttribute("href");
  const input = page.getByLabel("Published at");

  await input.fill("javascript:alert(1)");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Use a web address that starts with http:// or https://.")).toBeVisible();
  // Not published and no address: no ClaimReview link, and the menu says why.
  await expect(page.locator('.export-menu a[data-format="claimreview"]')).toHaveCount(0);
  await expect(page.locator('.export-menu [data-format="claimreview"]')).toContainText("Publish it first");

  const published = "https://desk.example/checks/nato-visit";
  await input.fill(published);
  await expect(input).toHaveAttribute("aria-invalid", "false");
  const claimreview = (await href("claimreview"))!;
  expect(new URL(claimreview, "http://x").searchParams.get("publishUrl")).toBe(published);
  expect(new URL((await href("csv"))!, "http://x").searchParams.get("publishUrl")).toBe(published);
  expect(await href("html")).not.toContain("publishUrl");
  // The link the menu offers gives a ClaimReview whose claim URL points into the published report.
  const reviews = await (await context.request.get(claimreview)).json();
  expect(reviews.map((r: { url: string }) => r.url)).toEqual([`${published}#claim-1`]);
});
