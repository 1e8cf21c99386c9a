import { test, expect, makeDesk, signInContext, testDb } from "../../support/fixtures";
import { highlightedText, selectWithMouse } from "../../support/select-text";
import { deskRound } from "@/seeds/review-factories";

// Kinds are presentation only: the same canonical text, each line drawn as what it was in the page.
const LINES: [string, string][] = [
  ["Harbour bridge reopens after two-year repair", "heading"],
  ["The harbour bridge reopened to traffic on Tuesday morning, the transport department said.", "paragraph"],
  ["What the repair changed", "heading"],
  ["Buses return to the bridge on Thursday.", "list-item"],
  ["We opened on the date we promised.", "quote"],
  ["Shop owners in the old town said the closure had cut their takings by a third.", "paragraph"],
];

test("an article's subheads, quotes and list items are drawn as such, and a claim on a subhead lands on its characters", async ({
  page,
  context,
}) => {
  const desk = await makeDesk(LINES.map(([l]) => l).join("\n"));
  await testDb().articleVersion.update({ where: { id: desk.version.id }, data: { lineKinds: LINES.map(([, k]) => k) } });
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);

  const body = page.locator(".article-viewer .ProseMirror");
  await expect(body.getByRole("heading", { level: 2, name: "What the repair changed" })).toBeVisible();
  await expect(body.getByRole("heading", { level: 2, name: "Harbour bridge reopens after two-year repair" })).toBeVisible();
  await expect(body.locator("blockquote")).toHaveText("We opened on the date we promised.");
  await expect(body.locator('p[data-kind="list-item"]')).toHaveText("Buses return to the bridge on Thursday.");
  await expect(body.locator("p:not([data-kind])")).toHaveCount(2);

  // A claim inside the subhead, and one from the subhead into the list item: stored offsets count the text alone.
  const phrase = "repair changed";
  await selectWithMouse(page, phrase);
  await page.getByRole("button", { name: "Verified", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  const across = "changed\nBuses return";
  await selectWithMouse(page, across);
  await page.getByRole("dialog", { name: "Tag the selected claim" }).getByRole("button", { name: "Disputed", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(2);

  const rows = await testDb().annotation.findMany({ where: { articleId: desk.article.id }, orderBy: { end: "asc" } });
  const text = desk.text;
  expect(rows.map((r) => [r.exact, r.start, r.end])).toEqual([
    [phrase, text.indexOf(phrase), text.indexOf(phrase) + phrase.length],
    [across, text.indexOf(across), text.indexOf(across) + across.length],
  ]);
  await page.reload();
  // Claims inside a subhead are named buttons, which join the heading's accessible name: find it by its text.
  await expect(body.locator("h2", { hasText: "What the repair changed" })).toBeVisible();
  await expect.poll(() => highlightedText(page, rows[0]!.id)).toBe(phrase);
  await expect.poll(() => highlightedText(page, rows[1]!.id)).toBe(across);
});

test("the adjudication view draws the round's text with its subheads, quotes and list items", async ({ page, context }) => {
  const desk = await makeDesk(LINES.map(([l]) => l).join("\n"));
  await testDb().articleVersion.update({ where: { id: desk.version.id }, data: { lineKinds: LINES.map(([, k]) => k) } });
  const round = await deskRound(testDb(), { team: desk.team, version: desk.version, editor: desk.editor, reviewers: [] });
  await testDb().reviewRound.update({ where: { id: round.id }, data: { status: "revealed", revealedAt: new Date() } });
  await signInContext(context, desk.editor.email);
  await page.goto(`/reviews/${round.id}`);
  const body = page.locator(".adjudication-text .article-viewer");
  await expect(body.getByRole("heading", { level: 2, name: "What the repair changed" })).toBeVisible();
  await expect(body.locator("blockquote")).toHaveText("We opened on the date we promised.");
  await expect(body.locator('[data-kind="list-item"]')).toHaveText("Buses return to the bridge on Thursday.");
  await expect(body.locator("p:not([data-kind])")).toHaveCount(2);
});
