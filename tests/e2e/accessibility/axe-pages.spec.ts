/**
 * Accessibility: axe (WCAG 2.x A and AA rules) finds no serious or critical
 * issue on any main page or page state: signed out, the desk's lists and
 * settings, an article with highlights (the verdict popover open, a claim
 * selected, the export menu open), a review round while blind and after
 * reveal (adjudication, the decision form, the outcome), the evidence library
 * and an item, notifications, and the public fact-check page.
 */
import type { Page } from "@playwright/test";
import { test, expect, signInContext, signIn, testDb } from "../../support/fixtures";
import { expectNoSeriousA11yViolations } from "../../support/axe";
import { selectWithMouse } from "../../support/select-text";
import { CONFLICT_PHRASE, makeReviewDesk, makeRevealedRound } from "../../support/review-desk";
import { makeAdjudicatedRound } from "../../support/decided-round";
import { clusterCard, personPage } from "../../support/review-pages";
import { CLAIM_PHRASES, makePublishableDesk, PUBLIC_SOURCE, REVIEWER_PHRASE } from "../../support/publishable-desk";
import { annotateInRound, createRound } from "@/seeds/review-factories";
import { createEvidenceItem, createEvidenceLink } from "@/seeds/evidence-factories";

test.describe.configure({ mode: "parallel" });
// axe walks every element (colour contrast above all): a few seconds a page state on an idle machine, far more on a busy one.
test.beforeEach(() => test.setTimeout(180_000));

const articleText = (page: Page) => page.locator(".article-viewer .ProseMirror");

test("the sign-in page", async ({ page, desk }) => {
  expect(desk.editor.email).toBeTruthy(); // a user exists, so /signin does not send us to first-run setup
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /sign in/i }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the sign-in page");
});

test("the public fact-check page", async ({ page, browser }) => {
  const d = await makePublishableDesk();
  const editor = await browser.newContext();
  expect([200, 302]).toContain((await signIn(editor.request, d.editor.email)).status());
  const res = await editor.request.post(`/api/articles/${d.article.id}/publication`, { data: {} });
  expect(res.status(), await res.text()).toBe(200);
  const { slug } = (await res.json()) as { slug: string };
  await editor.close();
  await page.goto(`/f/${d.team.slug}/${slug}`);
  await expect(page.locator("main")).toContainText(PUBLIC_SOURCE);
  await expectNoSeriousA11yViolations(page, "the public fact-check page");
});

const DESK_PAGES: [string, string][] = [
  ["/articles", "the article list"],
  ["/claims", "the claims list"],
  ["/evidence", "the evidence library"],
  ["/evidence/{item}", "an evidence item"],
  ["/reviews", "the review rounds list"],
  ["/queue", "my queue"],
  ["/team", "the team's members"],
  ["/team/settings", "the team settings"],
  ["/team/activity", "the team activity"],
  ["/settings/assistance", "the assistance settings"],
  ["/account", "the account page"],
  ["/articles/{article}/versions", "an article's versions"],
  ["/articles/new", "the new article form"],
];

for (const [path, label] of DESK_PAGES) {
  test(`${label} (${path})`, async ({ page, context }) => {
    const d = await makePublishableDesk();
    const item = await createEvidenceItem(testDb(), {
      team: d.team,
      title: "Ministry statement",
      url: "https://gov.example/statement",
      publisher: "Ministry",
    });
    await createEvidenceLink(testDb(), { team: d.team, evidenceId: item.id, claimId: d.claims.verified.id });
    await signInContext(context, d.admin.email);
    await page.goto(path.replace("{item}", item.id).replace("{article}", d.article.id));
    await expect(page.locator("main")).toBeVisible();
    await expect(page.locator("h1, h2").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, label);
  });
}

test("the notifications panel", async ({ page, context }) => {
  const d = await makePublishableDesk();
  await signInContext(context, d.editor.email);
  await page.goto("/articles");
  await page.getByRole("button", { name: /^Notifications/ }).click();
  await expect(page.getByRole("dialog", { name: "Notifications" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the notifications panel");
});

test("an article page: highlights, the verdict popover, a selected claim, the export menu", async ({ page, context }) => {
  const d = await makePublishableDesk();
  await signInContext(context, d.editor.email);
  await page.goto(`/articles/${d.article.id}`);
  await expect(articleText(page)).toBeVisible();
  await expect(page.locator(".article-viewer mark[data-claim-id]").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "an article with highlights");

  await selectWithMouse(page, "fighter jets");
  await expect(page.getByRole("dialog", { name: "Tag the selected claim" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "an article with the verdict popover open");
  await page.keyboard.press("Escape");

  // Words the editor tagged already, and words a reviewer tagged: the picker's note on each.
  for (const [phrase, note] of [
    [CLAIM_PHRASES[0], "You tagged these words"],
    [REVIEWER_PHRASE, "tagged these words Disputed"],
  ] as const) {
    await selectWithMouse(page, phrase);
    await expect(page.getByRole("dialog", { name: "Tag the selected claim" }).getByTestId("same-words")).toContainText(note);
    await expectNoSeriousA11yViolations(page, `an article with the verdict popover's note (${note})`);
    await page.keyboard.press("Escape");
  }

  await page
    .getByTestId("claim-card")
    .first()
    .getByRole("button", { name: /show in the text/ })
    .click();
  await expect(page.getByTestId("claim-card").first()).toHaveAttribute("aria-current", "true");
  await expectNoSeriousA11yViolations(page, "an article with a claim selected");

  await page
    .getByRole("button", { name: /Export/ })
    .first()
    .click();
  await expect(page.getByRole("region", { name: "Export and import" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "an article with the export menu open");
});

test("a review round while blind: the reviewer's round page and article", async ({ browser }) => {
  const desk = await makeReviewDesk();
  const round = await createRound(desk.db, {
    team: desk.team,
    version: desk.version,
    createdById: desk.editor.id,
    adjudicatorId: desk.editor.id,
    reviewerIds: [desk.reviewer1.id, desk.reviewer2.id],
  });
  await annotateInRound(desk.db, {
    team: desk.team,
    roundId: round.id,
    version: desk.version,
    authorId: desk.reviewer1.id,
    phrase: CONFLICT_PHRASE,
    verdict: "disputed",
  });
  const ann = await personPage(browser, desk.reviewer1.email);
  await ann.goto(`/reviews/${round.id}`);
  await expect(ann.locator("main h1, main h2").first()).toBeVisible();
  await expectNoSeriousA11yViolations(ann, "a round page in the blind phase (reviewer)");
  await ann.goto(`/articles/${desk.article.id}`);
  await expect(ann.locator(".article-viewer mark[data-claim-id]").first()).toBeVisible();
  await expectNoSeriousA11yViolations(ann, "an article in the blind phase (reviewer)");
  const eve = await personPage(browser, desk.editor.email);
  await eve.goto(`/reviews/${round.id}`);
  await expect(eve.locator("main h1, main h2").first()).toBeVisible();
  await expectNoSeriousA11yViolations(eve, "a round page in the blind phase (editor)");
});

test("a review round after reveal: adjudication and the decision form", async ({ browser }) => {
  const desk = await makeRevealedRound();
  const eve = await personPage(browser, desk.editor.email);
  await eve.goto(`/reviews/${desk.round.id}`);
  await expect(clusterCard(eve, "verdict_conflict")).toBeVisible();
  await expectNoSeriousA11yViolations(eve, "a revealed round page (adjudication)");
  await clusterCard(eve, "verdict_conflict").getByRole("button", { name: "Decide" }).click();
  await expect(clusterCard(eve, "verdict_conflict").getByTestId("decision-form")).toBeVisible();
  await expectNoSeriousA11yViolations(eve, "the decision form");
});

test("an adjudicated round: the round's outcome and the article's Outcome tab", async ({ browser }) => {
  const desk = await makeAdjudicatedRound();
  const eve = await personPage(browser, desk.editor.email);
  await eve.goto(`/reviews/${desk.round.id}`);
  await expect(clusterCard(eve, "verdict_conflict")).toBeVisible();
  await expectNoSeriousA11yViolations(eve, "an adjudicated round page");
  await eve.goto(`/articles/${desk.article.id}`);
  await expect(eve.getByRole("tab", { name: "Outcome", exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(eve, "an article's outcome");
});
