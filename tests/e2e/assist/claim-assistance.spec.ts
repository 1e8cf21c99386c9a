import { test, expect, seedText, signInContext, testDb } from "../../support/fixtures";
import { selectWithMouse } from "../../support/select-text";
import { createArticle } from "@/seeds/factories";
import { createClaimOnPhrase } from "@/seeds/evidence-factories";

const CALL = "Mr Stoltenberg also called on Seoul to increase aid to Ukraine";

// Each test opens articles the server analyses for the first time (the model loads once per server, then tens of ms per article).
test.slow();
const DEAL = "South Korea has already signed major agreements";

test("suggestions: accept one (a claim with its speaker) and dismiss another (still dismissed after a reload)", async ({
  page,
  context,
  desk,
}) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const call = page.getByTestId("suggestion").filter({ hasText: CALL });
  await expect(call).toHaveCount(1);
  // Hovering shows the reasons.
  await expect(call).toHaveAttribute("title", /Attributed to a speaker.*Speaker: Jens Stoltenberg/);
  await page.setViewportSize({ width: 1280, height: 900 });
  await call.click();
  const popover = page.getByTestId("suggestion-popover");
  await expect(popover.getByTestId("suggestion-speaker")).toHaveText("Jens Stoltenberg");
  await page.screenshot({ path: test.info().outputPath("suggestion-popover-desktop.png") });
  await popover.getByRole("button", { name: "Disputed", exact: true }).click();
  const card = page.getByTestId("claim-card");
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId("claim-speaker")).toContainText("Jens Stoltenberg");
  await expect
    .poll(async () => (await testDb().annotation.findFirst({ where: { articleId: desk.article.id } }))?.speaker)
    .toBe("Jens Stoltenberg");
  const claim = await testDb().annotation.findFirstOrThrow({ where: { articleId: desk.article.id } });
  expect(claim.exact.startsWith(CALL)).toBe(true);
  expect(claim.verdict).toBe("disputed");
  // Under the claim the suggestion is gone: suggestions never compete with real highlights.
  await expect(call).toHaveCount(0);
  await expect.poll(() => testDb().auditEvent.count({ where: { teamId: desk.team.id, action: "suggestion.accept" } })).toBe(1);

  const deal = page.getByTestId("suggestion").filter({ hasText: DEAL });
  await deal.click();
  await expect(popover).toContainText("Unsourced may fit");
  await popover.getByRole("button", { name: "Dismiss" }).click();
  await expect(deal).toHaveCount(0);
  await expect.poll(() => testDb().suggestionDismissal.count({ where: { articleId: desk.article.id } })).toBe(1);
  await page.reload();
  await expect(page.getByTestId("suggestion").first()).toBeVisible();
  await expect(page.getByTestId("suggestion").filter({ hasText: DEAL })).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("suggestion").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("suggestions-phone.png") });
});

test("a claim tagged in one article is offered in another; its verdict carries over only after confirming", async ({
  page,
  context,
  desk,
}) => {
  const db = testDb();
  const other = await createArticle(db, {
    team: desk.team,
    text: seedText("003_45922cfce2def125"),
    meta: { title: "Meritnews24 report", outlet: "Meritnews24" },
  });
  await signInContext(context, desk.editor.email);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto(`/articles/${other.id}`);
  await selectWithMouse(page, "Stoltenberg urged South Korea to support Ukraine militarily");
  await page.getByRole("button", { name: "Disputed", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  await expect.poll(() => db.annotation.count({ where: { articleId: other.id } })).toBe(1);

  await page.goto(`/articles/${desk.article.id}`);
  await selectWithMouse(page, CALL);
  await page.getByRole("button", { name: "Unsourced", exact: true }).click();
  const card = page.getByTestId("claim-card");
  await expect(card).toHaveCount(1);
  // Tagged by hand, the claim still gets the speaker the text names.
  await expect(card.getByTestId("claim-speaker")).toContainText("Jens Stoltenberg");
  const checked = card.getByTestId("previously-checked");
  await expect(checked).toContainText("Previously checked: Disputed by the desk");
  await expect(card.getByTestId("related-summary")).toContainText("Also in 1 other article");
  // Nothing is carried over before a person confirms.
  const mine = await db.annotation.findFirstOrThrow({ where: { articleId: desk.article.id } });
  expect(mine.verdict).toBe("unsourced");
  await page.screenshot({ path: test.info().outputPath("previously-checked-desktop.png") });

  await checked.getByRole("button", { name: "Apply the same verdict and evidence" }).click();
  await expect.poll(async () => (await db.annotation.findUniqueOrThrow({ where: { id: mine.id } })).verdict).toBe("unsourced");
  await checked.getByRole("button", { name: "Confirm" }).click();
  await expect(card).toHaveAttribute("data-verdict", "disputed");
  await expect.poll(async () => (await db.annotation.findUniqueOrThrow({ where: { id: mine.id } })).verdict).toBe("disputed");
  expect(await db.claimLink.count({ where: { annotationId: mine.id } })).toBe(1);

  // "Also in …" opens the other article at the sentence.
  await card.getByTestId("related-summary").click();
  await card
    .getByRole("link", { name: /Meritnews24/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/articles/${other.id}\\?at=\\d+-\\d+`));
  // The located span is cut around the claim already on it, so it comes in parts.
  await expect(page.locator("[data-located]").first()).toContainText("Stoltenberg urged South Korea");
});

test("the desk-wide claim search and the assistance settings", async ({ page, context, desk }) => {
  const db = testDb();
  const version = { ...desk.version, articleId: desk.article.id };
  const a = await createClaimOnPhrase(db, { team: desk.team, version, authorId: desk.editor.id, verdict: "disputed", phrase: CALL });
  await db.annotation.update({ where: { id: a.id }, data: { speaker: "Jens Stoltenberg" } });
  await createClaimOnPhrase(db, { team: desk.team, version, authorId: desk.reviewer.id, verdict: "verified", phrase: DEAL });
  await signInContext(context, desk.editor.email);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/claims");
  await expect(page.getByTestId("claim-row")).toHaveCount(2);
  await page.getByLabel("Search claims").fill("increase aid");
  await expect(page.getByTestId("claim-row")).toHaveCount(1);
  await expect(page.getByTestId("claim-row")).toContainText("Speaker: Jens Stoltenberg");
  await page.getByLabel("Search claims").fill("");
  await page.getByLabel("Verdict").selectOption("verified");
  await expect(page.getByTestId("claim-row")).toHaveCount(1);
  await expect(page.getByTestId("claim-row")).toContainText("South Korea has already signed");
  await page.screenshot({ path: test.info().outputPath("claims-desktop.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("claims-phone.png") });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/settings/assistance");
  await expect(page.getByTestId("weights-table")).toContainText("States a number or quantity");
  await page.getByLabel("Phrase").fill("the Blue House");
  await page.getByLabel("Means").fill("South Korean presidency");
  await page.getByRole("button", { name: "Add alias" }).click();
  await expect(page.getByTestId("alias-table")).toContainText("South Korean presidency");
  await expect.poll(() => db.teamAlias.count({ where: { teamId: desk.team.id, deletedAt: null } })).toBe(1);
  await page.screenshot({ path: test.info().outputPath("settings-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("settings-phone.png") });
});
