import type { Page } from "@playwright/test";
import { test, expect, testDb } from "../../support/fixtures";
import { clusterCard, personPage } from "../../support/review-pages";
import { selectWithMouse } from "../../support/select-text";
import { CONFLICT_PHRASE, LONG_PHRASE, SHORT_PHRASE, makeReviewDesk, makeRevealedRound } from "../../support/review-desk";

/** Tags `phrase` in the article with `verdict` and waits for its card. */
async function tag(page: Page, phrase: string, verdict: "Verified" | "Disputed", cards: number) {
  await selectWithMouse(page, phrase);
  await page.getByRole("dialog", { name: "Tag the selected claim" }).getByRole("button", { name: verdict, exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(cards);
  await expect(page.getByTestId("draft-card")).toHaveCount(0);
}

test("two reviewers review blind, the editor resolves both disagreements, both reviewers see the outcome, and a concurrent decision conflicts", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const desk = await makeReviewDesk();
  const [editor, editor2, ann, ben] = await Promise.all([
    personPage(browser, desk.editor.email),
    personPage(browser, desk.editor2.email),
    personPage(browser, desk.reviewer1.email),
    personPage(browser, desk.reviewer2.email),
  ]);

  // The editor starts the review in the UI.
  await editor.goto("/reviews");
  const form = editor.getByRole("form", { name: "Start a review" });
  await form.getByLabel("Article").selectOption({ label: `Review ${desk.team.slug}` });
  await form.getByLabel(desk.reviewer1.name).check();
  await form.getByLabel(desk.reviewer2.name).check();
  await form.getByLabel("Adjudicator").selectOption({ label: desk.editor.name });
  await form.getByRole("button", { name: "Start the review" }).click();
  await expect(editor).toHaveURL(/\/reviews\/[\w-]+$/);
  await expect(editor.getByTestId("round-status")).toHaveText("Blind review");
  const roundId = editor.url().split("/").pop()!;

  // Ann: a verdict conflict to be, and the short span of a boundary-only difference.
  await ann.goto(`/articles/${desk.article.id}`);
  await expect(ann.getByTestId("round-banner")).toContainText("blind");
  await tag(ann, CONFLICT_PHRASE, "Disputed", 1);
  await tag(ann, SHORT_PHRASE, "Verified", 2);

  // Ben sees none of Ann's work, and tags his own.
  await ben.goto(`/articles/${desk.article.id}`);
  await expect(ben.getByTestId("round-banner")).toBeVisible();
  await expect(ben.getByTestId("claim-total")).toHaveText("0");
  await expect(ben.locator(".article-viewer [data-claim-id]")).toHaveCount(0);
  await tag(ben, CONFLICT_PHRASE, "Verified", 1);
  await tag(ben, LONG_PHRASE, "Verified", 2);

  // Neither sees the other's work before submitting: every card on each page is their own.
  const db = testDb();
  const idsOf = async (page: Page) => page.getByTestId("claim-card").evaluateAll((els) => els.map((e) => e.getAttribute("data-claim-id")));
  await ann.reload();
  await expect(ann.getByTestId("claim-card")).toHaveCount(2);
  const annRows = await db.annotation.findMany({ where: { articleId: desk.article.id, authorId: desk.reviewer1.id } });
  const benRows = await db.annotation.findMany({ where: { articleId: desk.article.id, authorId: desk.reviewer2.id } });
  expect((await idsOf(ann)).sort()).toEqual(annRows.map((r) => r.id).sort());
  expect((await idsOf(ben)).sort()).toEqual(benRows.map((r) => r.id).sort());
  expect([...annRows, ...benRows].every((r) => r.roundId === roundId && r.status === "draft")).toBe(true);

  // The editor sees progress, not content.
  await editor.reload();
  const annRow = editor.locator(`[data-testid="progress-row"][data-reviewer="${desk.reviewer1.id}"]`);
  await expect(annRow.getByTestId("progress-count")).toHaveText("2");
  await expect(editor.getByText(CONFLICT_PHRASE)).toHaveCount(0);

  // Ann submits; the editor's page updates without a reload (server-sent events).
  await ann.getByRole("button", { name: "Submit my review" }).click();
  await expect(ann.getByTestId("round-banner")).toContainText("You submitted your review");
  await expect(annRow.getByTestId("progress-state")).toContainText("Submitted");
  // Ben still sees only his own work after Ann submitted.
  await ben.reload();
  await expect(ben.getByTestId("claim-card")).toHaveCount(2);
  expect((await idsOf(ben)).sort()).toEqual(benRows.map((r) => r.id).sort());

  // Ben submits: the round is revealed and the editor sees both disagreements, live.
  await ben.getByRole("button", { name: "Submit my review" }).click();
  await expect(editor.getByTestId("round-status")).toHaveText("Awaiting adjudication");
  await expect(clusterCard(editor, "verdict_conflict")).toHaveCount(1);
  await expect(clusterCard(editor, "boundary_only")).toHaveCount(1);
  await expect(clusterCard(editor, "verdict_conflict").getByTestId("cluster-member")).toHaveCount(2);
  await expect(clusterCard(editor, "verdict_conflict").locator('[data-testid="cluster-member"][data-verdict="disputed"]')).toContainText(
    desk.reviewer1.name,
  );

  // Two editors decide the verdict conflict at the same time: one wins, the other gets a conflict, not an overwrite.
  await editor2.goto(`/reviews/${roundId}`);
  const forms = [] as ReturnType<Page["getByTestId"]>[];
  for (const [page, words] of [
    [editor, "Madrid was in June 2022, per NATO."],
    [editor2, "Second opinion: the summit date checks out."],
  ] as const) {
    const card = clusterCard(page, "verdict_conflict");
    await card.getByRole("button", { name: "Decide" }).click();
    const f = card.getByTestId("decision-form");
    await f.getByRole("button", { name: "Disputed", exact: true }).click();
    await f.getByRole("textbox", { name: "Decision rationale" }).click();
    await page.keyboard.type(words);
    forms.push(f);
  }
  await Promise.all(forms.map((f) => f.getByRole("button", { name: "Accept" }).click()));
  const conflicts = () =>
    Promise.all([editor, editor2].map((p) => clusterCard(p, "verdict_conflict").getByTestId("decision-conflict").count()));
  await expect.poll(async () => (await conflicts()).reduce((a, b) => a + b, 0)).toBe(1);
  const loser = (await conflicts())[0] === 1 ? editor : editor2;
  const winnerWords = loser === editor ? "Second opinion" : "Madrid was in June";
  // The loser's screen shows the winner's decision, and keeps what the loser typed.
  await expect(clusterCard(loser, "verdict_conflict").getByTestId("decision-rationale")).toContainText(winnerWords);
  await expect(clusterCard(loser, "verdict_conflict").getByRole("textbox", { name: "Decision rationale" })).not.toBeEmpty();
  const conflictCluster = await db.cluster.findFirstOrThrow({ where: { roundId, kind: "verdict_conflict" }, include: { decisions: true } });
  expect(conflictCluster.decisions).toHaveLength(1);
  expect(conflictCluster.decisions[0]!.rationaleHtml).toContain(winnerWords);

  // The editor resolves the boundary-only difference with Ann's span and a rationale.
  const boundary = clusterCard(editor, "boundary_only");
  await boundary.getByRole("button", { name: "Decide" }).click();
  const bf = boundary.getByTestId("decision-form");
  await bf.getByLabel(new RegExp(`${desk.reviewer1.name}[’']s span`)).check();
  await bf.getByRole("button", { name: "Verified", exact: true }).click();
  await bf.getByRole("button", { name: "Accept" }).click();
  await expect(bf.getByRole("alert")).toContainText("explain this decision"); // a rationale is required
  await bf.getByRole("textbox", { name: "Decision rationale" }).click();
  await editor.keyboard.type("The claim is the arms deal; the destination is context.");
  await bf.getByRole("button", { name: "Accept" }).click();
  await expect(boundary).toHaveAttribute("data-status", "decided");
  await expect(boundary.getByTestId("decided-quote")).toHaveText(SHORT_PHRASE);
  await expect(editor.getByTestId("round-status")).toHaveText("Adjudicated");

  // Both reviewers see how each of their annotations was decided.
  await ann.goto(`/reviews/${roundId}`);
  await expect(ann.getByTestId("feedback-row")).toHaveCount(2);
  await expect(ann.locator('[data-testid="feedback-row"][data-outcome="accepted"]')).toHaveCount(2);
  await ben.goto(`/reviews/${roundId}`);
  await expect(ben.locator('[data-testid="feedback-row"][data-outcome="changed"]')).toHaveCount(2);
  await expect(ben.getByTestId("feedback")).toContainText("Accepted with verdict Disputed");
  await ben.goto(`/articles/${desk.article.id}`);
  await expect(
    ben.locator(`[data-claim-id="${benRows.find((r) => r.exact === LONG_PHRASE)!.id}"] [data-testid="outcome-badge"]`),
  ).toContainText("another span");

  const finals = await db.claim.findMany({ where: { articleId: desk.article.id, deletedAt: null }, orderBy: { start: "asc" } });
  expect(finals.map((c) => [c.exact, c.verdict])).toEqual([
    [SHORT_PHRASE, "verified"],
    [CONFLICT_PHRASE, "disputed"],
  ]);
});

test("a comment that @-mentions a teammate shows in their notifications", async ({ browser }) => {
  const { round, ...desk } = await makeRevealedRound();
  const ann = await personPage(browser, desk.reviewer1.email);
  const ben = await personPage(browser, desk.reviewer2.email);
  await ben.goto("/queue");
  await expect(ben.getByTestId("notifications")).toBeVisible();
  await ann.goto(`/reviews/${round.id}`);
  const card = clusterCard(ann, "verdict_conflict");
  await card.getByRole("button", { name: /Discussion/ }).click();
  await card.getByRole("textbox", { name: "Comment" }).click();
  await ann.keyboard.type(`@${desk.reviewer2.email.split("@")[0]} which source says June?`);
  await card.getByRole("button", { name: "Post comment" }).click();
  await expect(card.getByTestId("comment")).toContainText("which source says June?");
  await expect(card.getByTestId("comment")).toContainText(`notified ${desk.reviewer2.name}`);
  // Ben's header updates live, and the notification opens the cluster's discussion at the comment.
  await expect(ben.getByTestId("notif-count")).toHaveText("1");
  await ben.getByTestId("notifications").click();
  await ben.getByTestId("notification").getByRole("link").click();
  const clusterId = await card.getAttribute("data-cluster-id");
  await expect(ben).toHaveURL(
    new RegExp(`/reviews/${round.id}\\?cluster=${clusterId}&discuss=1&comment=[\\w-]+#cluster-card-${clusterId}$`),
  );
  const benCard = ben.locator(`[data-testid="cluster-card"][data-cluster-id="${clusterId}"]`);
  await expect(benCard.getByTestId("comment")).toHaveAttribute("aria-current", "true");
  await expect(benCard.getByTestId("comment")).toBeInViewport();
});
