import type { Page } from "@playwright/test";
import { test, expect, testDb } from "../../support/fixtures";
import { AGREED_PHRASE, CONFLICT_PHRASE } from "../../support/review-desk";
import { makeAdjudicatedRound } from "../../support/decided-round";
import { openArticleSettled, personPage } from "../../support/review-pages";
import { highlightedText, selectWithMouse } from "../../support/select-text";

test.describe.configure({ mode: "parallel" });

/** The correction: the conflict claim's words are rewritten (orphaned), the agreed claim's lightly edited (drifted). */
const SPAIN = "the alliance gathering held in Spain";
const TWO_DAY = "after a two-day visit to South Korea";

const outcomeTab = (page: Page) => page.getByRole("tab", { name: "Outcome", exact: true });
const outcomePanel = (page: Page) => page.getByRole("tabpanel", { name: "Outcome" });
const card = (page: Page, id: string) => outcomePanel(page).locator(`[data-testid="outcome-card"][data-claim-id="${id}"]`);

/** Opens the article on its Outcome tab, once its final claims are known. */
async function openOutcome(page: Page, articleId: string) {
  await openArticleSettled(page, articleId);
  await outcomeTab(page).click();
  await expect(outcomeTab(page)).toHaveAttribute("aria-selected", "true");
}

test("after a correction an editor confirms a drifted final claim and re-places an orphaned one on selected words from the Outcome", async ({
  browser,
}) => {
  const desk = await makeAdjudicatedRound();
  const db = testDb();
  const orphan = desk.claims.find((c) => c.exact === CONFLICT_PHRASE)!;
  const drifted = desk.claims.find((c) => c.exact === AGREED_PHRASE)!;
  const eve = await personPage(browser, desk.editor.email);

  // Close the round and correct the claims' own words, through the API as the desk would.
  expect((await eve.request.post(`/api/reviews/${desk.round.id}/close`, { data: { version: desk.round.version } })).status()).toBe(200);
  const text = desk.version.text.replace(CONFLICT_PHRASE, SPAIN).replace(AGREED_PHRASE, TWO_DAY);
  expect((await eve.request.post(`/api/articles/${desk.article.id}/versions`, { data: { version: 1, text } })).status()).toBe(201);
  expect(await db.claim.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({ anchorState: "orphaned", start: 0, end: 0 });
  expect(await db.claim.findUniqueOrThrow({ where: { id: drifted.id } })).toMatchObject({ anchorState: "drifted", exact: TWO_DAY });

  await openOutcome(eve, desk.article.id);
  const orphanCard = card(eve, orphan.id);
  await expect(orphanCard.getByTestId("anchor-state")).toHaveText("Orphaned");
  await expect(orphanCard.getByTestId("claim-quote")).toHaveText(CONFLICT_PHRASE);
  await expect(eve.locator(`.article-viewer [data-claim-id="${orphan.id}"]`)).toHaveCount(0);
  await expect(card(eve, drifted.id).getByTestId("anchor-state")).toHaveText(/^Drifted \d+%$/);
  await expect.poll(() => highlightedText(eve, drifted.id)).toBe(TWO_DAY);

  // Confirm the drifted claim where it is.
  await card(eve, drifted.id).getByRole("button", { name: "Confirm" }).click();
  await expect(card(eve, drifted.id).getByTestId("anchor-state")).toHaveCount(0);
  await expect.poll(async () => (await db.claim.findUniqueOrThrow({ where: { id: drifted.id } })).anchorState).toBe("anchored");

  // Re-place the orphan: nothing to place before words are selected; selecting offers no tagging here.
  const placeHere = orphanCard.getByRole("button", { name: "Place here" });
  await expect(placeHere).toBeDisabled();
  await expect(orphanCard.getByRole("button", { name: "Confirm" })).toHaveCount(0);
  await selectWithMouse(eve, SPAIN);
  await expect(placeHere).toBeEnabled();
  await expect(eve.getByRole("dialog", { name: "Tag the selected claim" })).toHaveCount(0);
  // Nor does it point to tagging on Annotations while a claim here waits to be placed (outcome.spec.ts has that hint).
  await expect(eve.getByRole("dialog", { name: "Tag the selected text" })).toHaveCount(0);
  await placeHere.click();
  await expect(orphanCard.getByTestId("anchor-state")).toHaveCount(0);
  await expect.poll(() => highlightedText(eve, orphan.id)).toBe(SPAIN);
  await expect
    .poll(async () => db.claim.findUniqueOrThrow({ where: { id: orphan.id } }))
    .toMatchObject({ anchorState: "anchored", exact: SPAIN });
  // Placing made no annotation of the editor's own.
  expect(await db.annotation.count({ where: { articleId: desk.article.id, authorId: desk.editor.id } })).toBe(0);

  // After a reload: highlighted at the new words, no badge left in the Outcome.
  await openOutcome(eve, desk.article.id);
  await expect.poll(() => highlightedText(eve, orphan.id)).toBe(SPAIN);
  await expect(card(eve, orphan.id).getByTestId("claim-quote")).toHaveText(SPAIN);
  await expect(outcomePanel(eve).getByTestId("anchor-state")).toHaveCount(0);
  await expect(outcomePanel(eve).getByTestId("anchor-actions")).toHaveCount(0);
});

test("a reviewer sees an orphaned final claim's badge but no way to move it", async ({ browser }) => {
  const desk = await makeAdjudicatedRound();
  const orphan = desk.claims.find((c) => c.exact === CONFLICT_PHRASE)!;
  const eve = await personPage(browser, desk.editor.email);
  expect((await eve.request.post(`/api/reviews/${desk.round.id}/close`, { data: { version: desk.round.version } })).status()).toBe(200);
  expect(
    (
      await eve.request.post(`/api/articles/${desk.article.id}/versions`, {
        data: { version: 1, text: desk.version.text.replace(CONFLICT_PHRASE, SPAIN) },
      })
    ).status(),
  ).toBe(201);

  const ann = await personPage(browser, desk.reviewer1.email);
  await openOutcome(ann, desk.article.id);
  await expect(card(ann, orphan.id).getByTestId("anchor-state")).toHaveText("Orphaned");
  await expect(outcomePanel(ann).getByRole("button", { name: "Place here" })).toHaveCount(0);
  await expect(outcomePanel(ann).getByTestId("anchor-actions")).toHaveCount(0);
});
