import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { highlightedText } from "../../support/select-text";
import { replaceInEditor } from "../../support/edit-in-editor";
import { MADRID_DATE_HINT, makeMadridRemarks } from "../../support/madrid-remarks";
import { createClaimOnPhrase } from "@/seeds/evidence-factories";

const CLAIM = "Mr Stoltenberg also called on Seoul to increase aid to Ukraine";
const EDITED = "Mr Stoltenberg also called on Seoul to increase its aid to Ukraine";

test("a claim whose words were lightly edited shows as drifted, the editor sees it before saving, and confirms it", async ({
  page,
  context,
  desk,
}) => {
  const claim = await createClaimOnPhrase(testDb(), {
    team: desk.team,
    version: { ...desk.version, articleId: desk.article.id },
    authorId: desk.reviewer.id,
    phrase: CLAIM,
    verdict: "unsourced",
  });
  // The same words elsewhere must not attract anything: a decoy claim on a repeated phrase.
  const decoy = await createClaimOnPhrase(testDb(), {
    team: desk.team,
    version: { ...desk.version, articleId: desk.article.id },
    authorId: desk.reviewer.id,
    phrase: "South Korea",
    verdict: "verified",
    occurrence: 0,
  });
  await signInContext(context, desk.editor.email);
  await page.goto(`/articles/${desk.article.id}/correct`);
  await replaceInEditor(page, '[data-testid="correction-editor"]', "increase aid", "increase its aid");
  await replaceInEditor(page, '[data-testid="correction-editor"]', "arriving in South Korea", "arriving in Seoul");
  const impact = page.getByTestId("correction-impact");
  await expect(impact).toContainText("1 will need an editor to confirm");
  await expect(impact).toContainText("1 will be orphaned");
  await page.getByLabel("Why this correction?").fill("He asked Seoul to increase its aid.");
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByText("1 drifted, 1 orphaned")).toBeVisible();
  await page.getByRole("link", { name: "Back to the article" }).click();

  const card = page.locator(`[data-testid="claim-card"][data-claim-id="${claim.id}"]`);
  await expect(card.getByTestId("anchor-state")).toHaveText(/^Drifted \d+%$/);
  await expect.poll(() => highlightedText(page, claim.id)).toBe(EDITED);
  // The decoy's words are gone; it is listed with its old quote, not moved to another "South Korea".
  const orphan = page.locator(`[data-testid="orphan-item"][data-claim-id="${decoy.id}"]`);
  await expect(orphan).toContainText("South Korea");
  await expect(page.locator(`.article-viewer [data-claim-id="${decoy.id}"]`)).toHaveCount(0);
  expect(await testDb().annotation.findUniqueOrThrow({ where: { id: decoy.id } })).toMatchObject({
    anchorState: "orphaned",
    start: 0,
    end: 0,
  });

  await page.locator(`[data-testid="orphan-item"][data-claim-id="${claim.id}"]`).getByRole("button", { name: "Confirm" }).click();
  await expect(card.getByTestId("anchor-state")).toHaveCount(0);
  await expect.poll(async () => (await testDb().annotation.findUniqueOrThrow({ where: { id: claim.id } })).anchorState).toBe("anchored");
  await page.reload();
  await expect.poll(() => highlightedText(page, claim.id)).toBe(EDITED);
  await expect(page.locator(`[data-testid="orphan-item"]`)).toHaveCount(1);
});

test("a drifted claim's date warning is worked out again on its corrected words, without a confirm or a reload", async ({
  page,
  context,
  desk,
}) => {
  const db = testDb();
  const { article, claim, summit } = await makeMadridRemarks(desk);
  await db.evidenceLink.create({ data: { teamId: desk.team.id, evidenceId: summit.id, annotationId: claim.id, stance: "supports" } });

  await signInContext(context, desk.editor.email);
  await page.goto(`/articles/${article.id}`);
  const card = page.locator(`[data-testid="claim-card"][data-claim-id="${claim.id}"]`);
  await expect(card.getByTestId("date-hint")).toHaveText(MADRID_DATE_HINT);

  // Another editor corrects the month; this page hears of it live and the claim drifts onto the corrected words.
  const res = await page.request.post(`/api/articles/${article.id}/versions`, {
    data: { version: 1, text: "Stoltenberg recalled the NATO summit in Madrid in June last year.", reason: "The summit was in June." },
  });
  expect(res.status()).toBe(201);
  await expect(card.getByTestId("anchor-state")).toHaveText(/^Drifted \d+%$/);
  await expect.poll(() => highlightedText(page, claim.id)).toBe("the NATO summit in Madrid in June last year");
  // June 2022 is the summit's month: the warning about July is gone, though nobody confirmed the claim.
  await expect(card.getByTestId("date-hint")).toHaveCount(0);
  await expect(card.getByTestId("evidence-link")).toHaveCount(1);
});
