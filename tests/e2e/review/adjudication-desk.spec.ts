import type { Page } from "@playwright/test";
import { test, expect, testDb } from "../../support/fixtures";
import { AGREED_PHRASE, LONG_PHRASE, makeRevealedRound } from "../../support/review-desk";
import { clusterCard, personPage } from "../../support/review-pages";
import { richTextToPlain } from "@/lib/rich-text/sanitize";

// Each test makes its own desk and round, so they can run side by side.
test.describe.configure({ mode: "parallel" });

const mark = (page: Page, id: string) => page.locator(`.article-viewer mark[data-claim-id="${id}"]`);
const ANN_WHY = "Yonhap listed the K2 tanks and FA-50 jets.";
const BEN_WHY = "The Polish ministry confirmed the deal and its destination.";

/** A revealed round whose reviewers wrote rationales on the boundary-only cluster. */
async function roundWithRationales() {
  const desk = await makeRevealedRound();
  const boundary = desk.clusters.find((c) => c.kind === "boundary_only")!;
  for (const m of boundary.members) {
    const why = m.annotation.authorId === desk.reviewer1.id ? ANN_WHY : BEN_WHY;
    await desk.db.annotation.update({ where: { id: m.annotation.id }, data: { rationaleHtml: `<p>${why}</p>` } });
  }
  return { ...desk, boundary };
}

test("the decision form tells the boundaries apart, preselects the shared verdict and is driven from the keyboard", async ({ browser }) => {
  const desk = await roundWithRationales();
  const eve = await personPage(browser, desk.editor.email);
  await eve.goto(`/reviews/${desk.round.id}`);
  const card = clusterCard(eve, "boundary_only");
  await card.getByRole("button", { name: "Decide" }).click();
  const form = card.getByTestId("decision-form");
  await expect(form).toBeFocused();

  // Both spans start alike: each option shows the words that set it apart. One span lies inside the other, so the
  // shorter is the intersection and the longer the union: two options, not four with two of them repeated.
  const options = form.getByTestId("boundary-option");
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toContainText(`${desk.reviewer1.name}’s span (the intersection): “hundreds of tanks, fighter jets”`);
  await expect(options.nth(0).locator("ins")).toHaveCount(0);
  await expect(options.nth(1)).toContainText(`${desk.reviewer2.name}’s span (the union)`);
  await expect(options.nth(1).locator("ins")).toHaveText(" and weapons to NATO member Poland");

  // Both reviewers said Verified: it is preselected, so Accept is ready.
  await expect(form.getByRole("button", { name: "Verified", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(form.getByRole("button", { name: "Accept", exact: true })).toBeEnabled();
  await expect(form.getByTestId("decision-shortcuts")).toHaveText(/Keys: 1–2 boundary · V D U verdict · Ctrl\+Enter accept · Esc cancel/);

  // The keys listed work: 2 picks Ben's span, D and V the verdicts, Ctrl+Enter accepts.
  await eve.keyboard.press("2");
  await expect(form.getByRole("radio").nth(1)).toBeChecked();
  await eve.keyboard.press("d");
  await expect(form.getByRole("button", { name: "Disputed", exact: true })).toHaveAttribute("aria-pressed", "true");
  await eve.keyboard.press("v");
  await expect(form.getByRole("button", { name: "Verified", exact: true })).toHaveAttribute("aria-pressed", "true");
  // The reviewers marked different spans: the form says what is missing instead of sending a refused decision.
  await eve.keyboard.press("Control+Enter");
  await expect(form.getByTestId("decision-missing")).toHaveText("The reviewers did not agree: explain this decision in the rationale.");
  await form.getByRole("textbox", { name: "Decision rationale" }).click();
  // Letters typed in the rationale are words, not shortcuts.
  await eve.keyboard.type("Ben's span names the buyer.");
  await expect(form.getByRole("button", { name: "Verified", exact: true })).toHaveAttribute("aria-pressed", "true");
  await eve.keyboard.press("Control+Enter");
  await expect(card).toHaveAttribute("data-status", "decided");
  await expect(card.getByTestId("decided-quote")).toHaveText(LONG_PHRASE);

  // The claim carries both reviewers' rationales under their names, the adjudicator's note on top.
  const claim = await testDb().claim.findFirstOrThrow({ where: { clusterId: desk.boundary.id, deletedAt: null } });
  expect(claim).toMatchObject({ verdict: "verified", exact: LONG_PHRASE });
  expect(richTextToPlain(claim.rationaleHtml).split("\n")).toEqual([
    "Adjudicator’s note",
    "Ben's span names the buyer.",
    `${desk.reviewer2.name} (reviewer, Verified):`,
    BEN_WHY,
    `${desk.reviewer1.name} (reviewer, Verified):`,
    ANN_WHY,
  ]);
});

test("a rejected cluster is drawn as rejected; the outcome opens first, with the reviewers' words and a report that names them right", async ({
  browser,
}) => {
  const desk = await roundWithRationales();
  const eve = await personPage(browser, desk.editor.email);
  await eve.goto(`/reviews/${desk.round.id}`);
  const conflict = desk.clusters.find((c) => c.kind === "verdict_conflict")!;
  await expect(mark(eve, conflict.id)).toBeVisible();
  await expect(mark(eve, conflict.id)).not.toHaveAttribute("data-state", "rejected");

  // Reject the verdict conflict, from the keyboard after the rationale.
  const cc = clusterCard(eve, "verdict_conflict");
  await cc.getByRole("button", { name: "Decide" }).click();
  const cf = cc.getByTestId("decision-form");
  await expect(cf.getByRole("button", { name: "Accept", exact: true })).toBeEnabled();
  // The reviewers split on the verdict: nothing is preselected, and Accept says why it cannot go on.
  await expect(cf.getByRole("button", { name: "Verified", exact: true })).not.toHaveAttribute("aria-pressed", "true");
  await cf.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(cf.getByTestId("decision-missing")).toHaveText("Pick a verdict (V, D or U) to accept.");
  await cf.getByRole("textbox", { name: "Decision rationale" }).click();
  await eve.keyboard.type("Background, not a statement to check.");
  await cf.getByRole("button", { name: "Reject: not a claim" }).click();
  await expect(cc).toHaveAttribute("data-status", "rejected");
  await expect(mark(eve, conflict.id)).toHaveAttribute("data-state", "rejected");
  await expect(mark(eve, conflict.id)).toHaveClass(/is-rejected/);
  expect(await mark(eve, conflict.id).evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain("line-through");

  // Decide the rest; the round is adjudicated.
  await eve.getByRole("button", { name: "Accept all 1 agreed cluster" }).click();
  await expect(clusterCard(eve, "agreed")).toHaveAttribute("data-status", "decided");
  const bc = clusterCard(eve, "boundary_only");
  await bc.getByRole("button", { name: "Decide" }).click();
  await bc.getByTestId("decision-form").getByRole("textbox", { name: "Decision rationale" }).click();
  await eve.keyboard.type("The union names the buyer.");
  await eve.keyboard.press("Control+Enter");
  await expect(eve.getByTestId("round-status")).toHaveAttribute("data-status", "adjudicated");

  // The article now opens on its outcome.
  await eve.goto(`/articles/${desk.article.id}`);
  const outcomeTab = eve.getByRole("tab", { name: "Outcome", exact: true });
  await expect(outcomeTab).toHaveAttribute("aria-selected", "true");
  await expect(eve.getByRole("tab")).toHaveText(["Outcome", "Annotations"]);
  const cards = eve.getByTestId("outcome-card");
  await expect(cards.getByTestId("claim-quote")).toHaveText([AGREED_PHRASE, LONG_PHRASE]);
  const boundaryCard = cards.filter({ hasText: LONG_PHRASE });
  await expect(boundaryCard.getByTestId("claim-rationale")).toContainText(`${desk.reviewer1.name} (reviewer, Verified):${ANN_WHY}`);
  // The note is shown once, on top of the reviewers' words.
  await expect(boundaryCard.getByText("The union names the buyer.")).toHaveCount(1);

  // The round's report: the reviewers' rationale instead of "None given", and Reviewers without the adjudicator.
  const md = await (await eve.request.get(`/api/articles/${desk.article.id}/report?format=md&round=${desk.round.id}`)).text();
  expect(md).toContain(`${desk.reviewer1.name} \\(reviewer, Verified\\):`);
  expect(md).toContain("Yonhap listed the K2 tanks");
  const reviewersRow = md.split("\n").find((l) => l.startsWith("| Reviewers |"))!;
  expect(reviewersRow).toContain(desk.reviewer1.name);
  expect(reviewersRow).toContain(desk.reviewer2.name);
  expect(reviewersRow).not.toContain(desk.editor.name);
  // The agreed cluster's reviewers wrote nothing and the bulk accept has no note: that one claim alone says so.
  expect(md.match(/None given/g)).toHaveLength(1);
});

test("the agreement reads as a percentage beside α, with the count and a plain word that three clusters are too few; rounds are named in the chart", async ({
  browser,
}) => {
  const desk = await makeRevealedRound();
  const eve = await personPage(browser, desk.editor.email);
  await eve.goto(`/reviews/${desk.round.id}`);
  // Three clusters both reviewers marked; the verdicts matched on two of them.
  await expect(eve.getByTestId("alpha")).toBeVisible();
  await expect(eve.getByTestId("percent-agreement")).toContainText("67%");
  await expect(eve.getByTestId("percent-agreement")).toContainText("2 of 3 pairs of verdicts");
  await expect(eve.getByTestId("percent-agreement")).toContainText("over 3 clusters");
  await expect(eve.getByTestId("too-few")).toContainText("Too few to judge: 3 clusters compared.");
  // The table's headings are set in capitals; its α stays a Greek alpha, not the Latin A beside "Chars A".
  const alphaHeading = eve.getByTestId("pairwise").locator("th").nth(3);
  expect(await alphaHeading.evaluate((th) => (th as HTMLElement).innerText.trim())).toBe("α");

  await eve.goto("/reviews");
  const chart = eve.getByTestId("agreement-chart");
  await expect(chart).toBeVisible();
  const rounds = eve.getByTestId("agreement-rounds").locator("li");
  const n = await rounds.count();
  expect(n).toBeGreaterThanOrEqual(1);
  await expect(chart.getByTestId("chart-round-label")).toHaveCount(n);
  await expect(chart.getByTestId("chart-round-label").last()).toHaveText(`R${n}`);
  await expect(rounds.last()).toContainText(`R${n} ${desk.article.title}`);
  await expect(rounds.last()).toContainText("3 clusters compared");
});
