/**
 * Selecting words that already carry a claim (components/claims/same-words.ts):
 * the verdict picker says so. The viewer's own claim is changed or opened
 * rather than tagged a second time; a teammate's is named, and a verdict adds
 * the viewer's own beside it; in a blind round another reviewer's claim on
 * the same words is never hinted at. Words tagged in another tab, which the
 * page has not heard of, are refused by the server with that claim, which the
 * page then opens.
 */
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { claimAs, signInAt } from "../../support/app-instance";
import { selectWithMouse } from "../../support/select-text";
import { createUser } from "@/seeds/factories";
import { annotateInRound, deskRound, submitInRound } from "@/seeds/review-factories";

const PHRASE = "hundreds of tanks, fighter jets and weapons to NATO member Poland";

type Desk = { team: { id: string }; article: { id: string }; version: { id: string }; text: string };
const versionOf = (desk: Desk) => ({ id: desk.version.id, articleId: desk.article.id, text: desk.text });
/** A disputed draft on PHRASE in a round, written straight to the database. */
const claimInRound = (desk: Desk, roundId: string, authorId: string) =>
  annotateInRound(testDb(), { team: desk.team, roundId, version: versionOf(desk), authorId, phrase: PHRASE, verdict: "disputed" });

const rowsOn = (articleId: string) =>
  testDb().annotation.findMany({ where: { articleId, deletedAt: null }, orderBy: { createdAt: "asc" } });

test("the reviewer's own claim on the selected words is changed or opened, never tagged a second time", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const picker = page.getByRole("dialog", { name: "Tag the selected claim" });
  const cards = page.getByTestId("claim-card");

  // Escape closes the picker; selecting the very same words again brings it back.
  await selectWithMouse(page, PHRASE);
  await expect(picker).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(picker).toBeHidden();
  await selectWithMouse(page, PHRASE);
  await expect(picker.getByTestId("same-words")).toHaveCount(0);
  await picker.getByRole("button", { name: "Disputed", exact: true }).click();
  await expect(cards).toHaveCount(1);
  const [made] = await rowsOn(desk.article.id);
  expect(made!.exact).toBe(PHRASE);

  // The same words again: the picker says whose claim is there and shows its verdict picked.
  await selectWithMouse(page, PHRASE);
  await expect(picker.getByTestId("same-words")).toHaveText("You tagged these words Disputed. A verdict here changes that claim. Open");
  await expect(picker.getByRole("button", { name: "Disputed", exact: true })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("v");
  await expect(picker).toBeHidden();
  await expect.poll(async () => (await rowsOn(desk.article.id)).map((r) => [r.id, r.verdict])).toEqual([[made!.id, "verified"]]);
  await expect(cards).toHaveCount(1);
  const card = page.locator(`[data-testid="claim-card"][data-claim-id="${made!.id}"]`);
  await expect(card).toHaveAttribute("data-verdict", "verified");
  await expect(card).toHaveAttribute("aria-current", "true");

  // Open: the card is selected, and nothing is written.
  await page.locator(".article-viewer").click({ position: { x: 2, y: 2 } });
  await selectWithMouse(page, PHRASE);
  await expect(picker.getByTestId("same-words")).toContainText("You tagged these words Verified.");
  await picker.getByRole("button", { name: "Open your claim" }).click();
  await expect(picker).toBeHidden();
  await expect(card).toHaveAttribute("aria-current", "true");
  expect((await rowsOn(desk.article.id)).map((r) => [r.id, r.verdict])).toEqual([[made!.id, "verified"]]);
});

test("a teammate's claim on the selected words is named and can be opened; a verdict adds the reviewer's own", async ({
  page,
  context,
  desk,
  baseURL,
}) => {
  const editor = await signInAt(baseURL!, desk.editor.email);
  const theirs = await claimAs(baseURL!, editor, desk, PHRASE, "disputed");
  const { name } = await testDb().user.findUniqueOrThrow({ where: { id: desk.editor.id } });

  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const picker = page.getByRole("dialog", { name: "Tag the selected claim" });
  await selectWithMouse(page, PHRASE);
  await expect(picker.getByTestId("same-words")).toHaveText(
    `${name} tagged these words Disputed. A verdict here adds your own claim. Open`,
  );
  await picker.getByRole("button", { name: `Open ${name}’s claim` }).click();
  await expect(page.locator(`[data-testid="claim-card"][data-claim-id="${theirs}"]`)).toHaveAttribute("aria-current", "true");

  await selectWithMouse(page, PHRASE);
  await picker.getByRole("button", { name: "Unsourced", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(2);
  await expect
    .poll(async () => (await rowsOn(desk.article.id)).map((r) => [r.authorId, r.verdict, r.exact]))
    .toEqual([
      [desk.editor.id, "disputed", PHRASE],
      [desk.reviewer.id, "unsourced", PHRASE],
    ]);
});

test("in a blind round, another reviewer's claim on the same words is not hinted at", async ({ page, context, desk }) => {
  const other = await createUser(testDb(), { team: desk.team, role: "reviewer" });
  const round = await deskRound(testDb(), {
    team: desk.team,
    version: versionOf(desk),
    editor: desk.editor,
    reviewers: [desk.reviewer, other],
  });
  await claimInRound(desk, round.id, other.id);

  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const picker = page.getByRole("dialog", { name: "Tag the selected claim" });
  await selectWithMouse(page, PHRASE);
  await expect(picker.getByRole("button", { name: "Verified", exact: true })).toBeVisible();
  await expect(picker.getByTestId("same-words")).toHaveCount(0);
  await picker.getByRole("button", { name: "Verified", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(1);

  // Their own claim in the round is what the picker then knows of, and nothing else.
  await selectWithMouse(page, PHRASE);
  await expect(picker.getByTestId("same-words")).toHaveText("You tagged these words Verified. A verdict here changes that claim. Open");
  const rows = await rowsOn(desk.article.id);
  expect(rows.map((r) => [r.authorId, r.roundId])).toEqual([
    [other.id, round.id],
    [desk.reviewer.id, round.id],
  ]);
});

test("the reviewer's own claim in a review they have submitted is opened, and no verdict changes it", async ({ page, context, desk }) => {
  const round = await deskRound(testDb(), { team: desk.team, version: versionOf(desk), editor: desk.editor, reviewers: [desk.reviewer] });
  const mine = await claimInRound(desk, round.id, desk.reviewer.id);
  await submitInRound(testDb(), round.id, desk.reviewer.id);

  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const picker = page.getByRole("dialog", { name: "Tag the selected claim" });
  await selectWithMouse(page, PHRASE);
  await expect(picker.getByTestId("same-words")).toHaveText("You tagged these words Disputed. Your claim can no longer be changed. Open");
  await expect(picker.getByRole("button", { name: "Verified", exact: true })).toHaveCount(0);
  await page.keyboard.press("v");
  await picker.getByRole("button", { name: "Open your claim" }).click();
  await expect(page.locator(`[data-testid="claim-card"][data-claim-id="${mine.id}"]`)).toHaveAttribute("aria-current", "true");
  expect((await rowsOn(desk.article.id)).map((r) => [r.id, r.verdict])).toEqual([[mine.id, "disputed"]]);
});

test("words the reviewer tagged in another tab, unheard of here, open that claim instead of a second one", async ({
  page,
  context,
  desk,
  baseURL,
}) => {
  await signInContext(context, desk.reviewer.email);
  // This tab hears no live event: it cannot know of the tag the other tab makes.
  await page.route("**/api/events*", (route) => route.abort());
  await page.goto(`/articles/${desk.article.id}`);
  const elsewhere = await claimAs(baseURL!, await signInAt(baseURL!, desk.reviewer.email), desk, PHRASE, "verified");

  const picker = page.getByRole("dialog", { name: "Tag the selected claim" });
  await selectWithMouse(page, PHRASE);
  await expect(picker.getByTestId("same-words")).toHaveCount(0);
  await picker.getByRole("button", { name: "Disputed", exact: true }).click();
  await expect(page.getByTestId("toast")).toContainText("You tagged these words Verified already: that claim is open.");
  const card = page.locator(`[data-testid="claim-card"][data-claim-id="${elsewhere}"]`);
  await expect(card).toHaveAttribute("aria-current", "true");
  await expect(card).toHaveAttribute("data-verdict", "verified");
  await expect(page.getByTestId("draft-card")).toHaveCount(0);
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  expect((await rowsOn(desk.article.id)).map((r) => [r.id, r.verdict])).toEqual([[elsewhere, "verified"]]);

  // The page now knows the claim: the same words again say so.
  await selectWithMouse(page, PHRASE);
  await expect(picker.getByTestId("same-words")).toContainText("You tagged these words Verified.");
});
