import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { highlightedText, selectWithMouse } from "../../support/select-text";

const PHRASE = "hundreds of tanks, fighter jets and weapons to NATO member Poland";

test("tag a phrase Disputed with a rationale; after reload the highlight covers the same characters", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.locator(".article-viewer .ProseMirror")).toContainText("NATO Secretary-General");

  await selectWithMouse(page, PHRASE);
  await page.getByRole("button", { name: "Disputed", exact: true }).click();
  const card = page.getByTestId("claim-card").filter({ hasText: PHRASE });
  await expect(card).toBeVisible();
  const rationale = page.getByRole("textbox", { name: "Rationale" });
  await rationale.click();
  await page.keyboard.type("Poland signed for K2 tanks, K9 howitzers and FA-50 jets.");
  await page.getByRole("button", { name: "Save rationale" }).click();
  await expect(card.getByTestId("claim-rationale")).toContainText("K9 howitzers");

  const row = await testDb().annotation.findFirstOrThrow({ where: { articleId: desk.article.id } });
  expect(row.exact).toBe(PHRASE);
  expect(row.verdict).toBe("disputed");
  expect(row.start).toBe([...desk.text.slice(0, desk.text.indexOf(PHRASE))].length);

  await page.reload();
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  await expect(page.getByTestId("claim-card").first()).toHaveAttribute("data-verdict", "disputed");
  await expect(page.getByTestId("claim-rationale")).toContainText("K9 howitzers");
  await expect.poll(() => highlightedText(page, row.id)).toBe(PHRASE);
  await expect(page.locator(`.article-viewer [data-claim-id="${row.id}"]`).first()).toHaveAttribute("data-verdict", "disputed");
});

test("two overlapping claims both show, exactly, after reload, and each can be clicked", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const outer = "South Korea has already signed major agreements to supply hundreds of tanks";
  const inner = "hundreds of tanks, fighter jets";
  await selectWithMouse(page, outer);
  await page.getByRole("button", { name: "Verified", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  await selectWithMouse(page, inner);
  await expect(page.getByRole("dialog", { name: "Tag the selected claim" })).toBeVisible();
  await page.keyboard.press("u");
  await expect(page.getByTestId("claim-card")).toHaveCount(2);

  await page.reload();
  await expect(page.getByTestId("claim-card")).toHaveCount(2);
  const rows = await testDb().annotation.findMany({ where: { articleId: desk.article.id }, orderBy: { start: "asc" } });
  expect(rows.map((r) => [r.exact, r.verdict])).toEqual([
    [outer, "verified"],
    [inner, "unsourced"],
  ]);
  await expect(page.getByTestId("claim-quote")).toHaveText([outer, inner]);
  await expect.poll(() => highlightedText(page, rows[0]!.id)).toBe(outer);
  await expect.poll(() => highlightedText(page, rows[1]!.id)).toBe(inner);

  // Clicking the overlap selects the inner claim; clicking outside it selects the outer one.
  await page.locator(`.article-viewer [data-claim-id="${rows[1]!.id}"]`).last().click();
  await expect(page.locator(`[data-testid="claim-card"][data-claim-id="${rows[1]!.id}"]`)).toHaveAttribute("aria-current", "true");
  await page
    .locator(`.article-viewer [data-claim-id="${rows[0]!.id}"]`)
    .first()
    .click({ position: { x: 3, y: 5 } });
  await expect(page.locator(`[data-testid="claim-card"][data-claim-id="${rows[0]!.id}"]`)).toHaveAttribute("aria-current", "true");
});

test("a claim nested inside another: both show, repeated clicks on the shared text cycle outwards, and each verdict has its own underline", async ({
  page,
  context,
  desk,
}) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const inner = "fighter jets";
  const elsewhere = "NATO wants to create a new Cold War in Asia.";
  const tagger = page.getByRole("dialog", { name: "Tag the selected claim" });
  await selectWithMouse(page, PHRASE);
  await page.getByRole("button", { name: "Disputed", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  await selectWithMouse(page, inner);
  await tagger.getByRole("button", { name: "Verified", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(2);
  await selectWithMouse(page, elsewhere);
  await tagger.getByRole("button", { name: "Unsourced", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(3);

  await page.reload();
  await expect(page.getByTestId("claim-card")).toHaveCount(3);
  const rows = await testDb().annotation.findMany({ where: { articleId: desk.article.id } });
  const id = (exact: string) => rows.find((r) => r.exact === exact)!.id;
  expect(rows.map((r) => [r.exact, r.verdict]).sort()).toEqual(
    [
      [elsewhere, "unsourced"],
      [inner, "verified"],
      [PHRASE, "disputed"],
    ].sort(),
  );
  const [outerRow, innerRow] = [rows.find((r) => r.exact === PHRASE)!, rows.find((r) => r.exact === inner)!];
  expect(outerRow.start < innerRow.start && innerRow.end < outerRow.end).toBe(true);
  await expect.poll(() => highlightedText(page, id(PHRASE))).toBe(PHRASE);
  await expect.poll(() => highlightedText(page, id(inner))).toBe(inner);
  // The inner claim's element sits inside the outer one's.
  await expect(page.locator(`.article-viewer [data-claim-id="${id(PHRASE)}"] [data-claim-id="${id(inner)}"]`)).toHaveCount(1);

  // Clicking the shared text selects the innermost claim, again the enclosing one, a third time the innermost.
  const shared = page.locator(`.article-viewer [data-claim-id="${id(inner)}"]`).first();
  const card = (claimId: string) => page.locator(`[data-testid="claim-card"][data-claim-id="${claimId}"]`);
  for (const expected of [inner, PHRASE, inner]) {
    // Quick clicks (ProseMirror times them itself): it reports the second and third as a double and a triple click, which must cycle too.
    await shared.click();
    await expect(card(id(expected))).toHaveAttribute("aria-current", "true");
    await expect(page.locator('[data-testid="claim-card"][aria-current="true"]')).toHaveCount(1);
  }

  // Colour is not the only cue: each verdict underlines differently.
  const underline = (claimId: string) =>
    page
      .locator(`.article-viewer [data-claim-id="${claimId}"]`)
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationStyle);
  expect({
    verified: await underline(id(inner)),
    disputed: await underline(id(PHRASE)),
    unsourced: await underline(id(elsewhere)),
  }).toEqual({
    verified: "solid",
    disputed: "wavy",
    unsourced: "dashed",
  });
});

test("a claim across two paragraphs keeps its line break", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const across = "newspapers.\nIn the South Korean capital";
  await selectWithMouse(page, across);
  await expect(page.getByRole("dialog", { name: "Tag the selected claim" })).toBeVisible();
  await page.keyboard.press("v");
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  const row = await testDb().annotation.findFirstOrThrow({ where: { articleId: desk.article.id } });
  expect(row.exact).toBe(across);
  await page.reload();
  await expect.poll(() => highlightedText(page, row.id)).toBe(across);
});
