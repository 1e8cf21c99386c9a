import { test, expect, makeDesk, signInContext, testDb } from "../../support/fixtures";
import { highlightedText, selectWithMouse } from "../../support/select-text";

// Characters outside the BMP are two UTF-16 units but one code point; offsets must count code points.
const TEXT = "Stoltenberg 🇰🇷 in Seoul: “𝕏 posts said Yoon met him” on Monday.\nSecond paragraph, with Pyeongchang’s café q\u0307 mentions.";

test("offsets count code points in the browser too: emoji, mathematical letters and combining accents", async ({ page, context }) => {
  const desk = await makeDesk(TEXT);
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const phrase = "posts said Yoon met him";
  await selectWithMouse(page, phrase);
  await page.getByRole("button", { name: "Verified", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  const second = "café q\u0307 mentions";
  await selectWithMouse(page, second);
  await page.getByRole("dialog", { name: "Tag the selected claim" }).getByRole("button", { name: "Disputed", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(2);

  const rows = await testDb().annotation.findMany({ where: { articleId: desk.article.id }, orderBy: { start: "asc" } });
  const text = desk.text;
  const cp = (s: string) => [...s].length;
  expect(rows.map((r) => [r.exact, r.start, r.end])).toEqual([
    [phrase, cp(text.slice(0, text.indexOf(phrase))), cp(text.slice(0, text.indexOf(phrase))) + cp(phrase)],
    [second, cp(text.slice(0, text.indexOf(second))), cp(text.slice(0, text.indexOf(second))) + cp(second)],
  ]);
  // The UTF-16 offset differs: the flag is 4 units and 𝕏 2 units for 3 code points.
  expect(text.indexOf(phrase) - rows[0]!.start).toBe(3);
  await page.reload();
  await expect.poll(() => highlightedText(page, rows[0]!.id)).toBe(phrase);
  await expect.poll(() => highlightedText(page, rows[1]!.id)).toBe(second);
});
