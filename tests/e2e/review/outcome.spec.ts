import type { Page } from "@playwright/test";
import { test, expect, testDb } from "../../support/fixtures";
import { AGREED_PHRASE, CONFLICT_PHRASE, LONG_PHRASE, makeRevealedRound } from "../../support/review-desk";
import { BOUNDARY_DECISION, DECISION_RATIONALE, makeAdjudicatedRound } from "../../support/decided-round";
import { openArticleSettled, personPage } from "../../support/review-pages";
import { nextPaint, selectWithMouse } from "../../support/select-text";
import { createRound } from "@/seeds/review-factories";
import { createEvidenceItem } from "@/seeds/evidence-factories";

// Each test makes its own desk and round (seeds/review-factories.ts), so they can run side by side.
test.describe.configure({ mode: "parallel" });

const outcomeTab = (page: Page) => page.getByRole("tab", { name: "Outcome", exact: true });
const annotationsTab = (page: Page) => page.getByRole("tab", { name: "Annotations", exact: true });
const outcomeCards = (page: Page) => page.getByTestId("outcome-card");
const mark = (page: Page, id: string) => page.locator(`.article-viewer [data-claim-id="${id}"]`);

/** Opens the article and waits until its final claims are known, so the tabs' absence means something. */
const openArticle = openArticleSettled;

test("before any decision there is no Outcome tab; the first decision brings it in without a reload", async ({ browser }) => {
  const desk = await makeRevealedRound();
  const eve = await personPage(browser, desk.editor.email);
  await openArticle(eve, desk.article.id);
  await expect(eve.getByTestId("round-banner")).toContainText("waits for adjudication");
  await expect(eve.getByRole("tablist")).toHaveCount(0);
  await expect(outcomeTab(eve)).toHaveCount(0);
  await expect(eve.getByRole("complementary", { name: "Claims" })).toBeVisible();
  await eve.evaluate(() => Object.assign(window, { sameDocument: true }));

  // Eve decides the verdict conflict (through the API, so a live event goes out).
  const conflict = desk.clusters.find((c) => c.kind === "verdict_conflict")!;
  const res = await eve.request.post(`/api/clusters/${conflict.id}/decisions`, {
    data: {
      version: conflict.version,
      action: "accept",
      boundary: "union",
      verdict: "disputed",
      rationale: `<p>${DECISION_RATIONALE}</p>`,
    },
  });
  expect(res.status()).toBe(201);

  await expect(outcomeTab(eve)).toHaveAttribute("aria-selected", "false");
  await expect(annotationsTab(eve)).toHaveAttribute("aria-selected", "true");
  await outcomeTab(eve).click();
  await expect(outcomeCards(eve)).toHaveCount(1);
  await expect(outcomeCards(eve).getByTestId("claim-quote")).toHaveText(CONFLICT_PHRASE);
  await expect(outcomeCards(eve).getByTestId("decision-rationale")).toHaveText(DECISION_RATIONALE);
  const claim = await testDb().claim.findFirstOrThrow({ where: { clusterId: conflict.id, deletedAt: null } });
  await expect(mark(eve, claim.id)).toHaveText(CONFLICT_PHRASE);
  await expect(eve.locator(".article-viewer [data-claim-id]")).toHaveCount(1);
  expect(await eve.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test("an editor reads the outcome: final claims in text order with verdicts, decisions, reviewers and evidence, and discusses one", async ({
  browser,
}) => {
  const desk = await makeAdjudicatedRound();
  const db = testDb();
  const rows = desk.claims;
  expect(rows.map((r) => r.exact)).toEqual([AGREED_PHRASE, LONG_PHRASE, CONFLICT_PHRASE]);
  const conflictClaim = rows[2]!;
  const source = await createEvidenceItem(db, {
    team: desk.team,
    title: "Madrid Summit Declaration",
    url: "https://www.nato.int/cps/en/natohq/official_texts_196951.htm",
    publisher: "NATO",
  });
  await db.evidenceLink.create({
    data: { teamId: desk.team.id, evidenceId: source.id, claimId: conflictClaim.id, stance: "contradicts", pinpoint: "paragraph 1" },
  });

  const eve = await personPage(browser, desk.editor.email);
  await openArticle(eve, desk.article.id);
  // The round is adjudicated: the page opens on its outcome, and the Outcome tab comes first.
  await expect(outcomeTab(eve)).toHaveAttribute("aria-selected", "true");
  await expect(eve.getByRole("tab")).toHaveText(["Outcome", "Annotations"]);
  await expect(outcomeCards(eve)).toHaveCount(3);
  // The Annotations view is today's: the reviewers' annotations are highlighted, not the final claims.
  await annotationsTab(eve).click();
  await expect(annotationsTab(eve)).toHaveAttribute("aria-selected", "true");
  await expect(eve.getByRole("tabpanel", { name: "Annotations" }).getByRole("complementary", { name: "Claims" })).toBeVisible();
  await expect(mark(eve, conflictClaim.id)).toHaveCount(0);
  const annotationId = desk.clusters.find((c) => c.kind === "verdict_conflict")!.members[0]!.annotation.id;
  await expect(mark(eve, annotationId).first()).toBeVisible();

  await outcomeTab(eve).click();
  await expect(outcomeTab(eve)).toHaveAttribute("aria-selected", "true");
  const panel = eve.getByRole("tabpanel", { name: "Outcome" });
  const cards = outcomeCards(eve);
  await expect(panel.getByTestId("outcome-total")).toHaveText("3");
  await expect(cards.getByTestId("claim-quote")).toHaveText([AGREED_PHRASE, LONG_PHRASE, CONFLICT_PHRASE]);
  expect(await cards.evaluateAll((els) => els.map((e) => [e.getAttribute("data-claim-id"), e.getAttribute("data-verdict")]))).toEqual(
    rows.map((r) => [r.id, r.verdict]),
  );
  expect(rows.map((r) => r.verdict)).toEqual(["disputed", "verified", "disputed"]);
  await expect(cards.locator(".claim-card-head .verdict-badge")).toHaveText(["✗Disputed", "✓Verified", "✗Disputed"]);
  await expect(cards.getByTestId("decision-rationale")).toHaveText([
    "Both reviewers found it wrong.",
    BOUNDARY_DECISION,
    DECISION_RATIONALE,
  ]);
  for (const card of await cards.all()) await expect(card.getByTestId("decision")).toContainText(`Decided by ${desk.editor.name}`);

  // The text shows the final claims, not the annotations.
  await expect(eve.locator(".article-viewer [data-claim-id]")).toHaveCount(3);
  for (const r of rows) await expect(mark(eve, r.id)).toHaveText(r.exact);
  await expect(mark(eve, annotationId)).toHaveCount(0);

  // Claim 3: each reviewer's verdict and the evidence, with its stance and link.
  const third = cards.nth(2);
  await expect(third.getByRole("button", { name: /^Claim 3: .*, show in the text$/ })).toBeVisible();
  await expect(third.getByTestId("reviewer-verdict").filter({ hasText: desk.reviewer1.name })).toHaveAttribute("data-verdict", "disputed");
  await expect(third.getByTestId("reviewer-verdict").filter({ hasText: desk.reviewer2.name })).toHaveAttribute("data-verdict", "verified");
  const evidence = third.getByTestId("evidence-link");
  await expect(evidence).toHaveAttribute("data-stance", "contradicts");
  await expect(evidence).toContainText("Contradicts");
  await expect(evidence.getByRole("link", { name: "Madrid Summit Declaration" })).toHaveAttribute("href", `/evidence/${source.id}`);
  await expect(evidence.getByRole("link", { name: "Open the source ↗" })).toHaveAttribute(
    "href",
    "https://www.nato.int/cps/en/natohq/official_texts_196951.htm",
  );
  await expect(evidence).toContainText("“paragraph 1”");

  // A card shows its highlight; a highlight selects its card.
  await cards
    .nth(1)
    .getByRole("button", { name: /^Claim 2: .*, show in the text$/ })
    .click();
  await expect(mark(eve, rows[1]!.id)).toHaveClass(/is-flashing/);
  await expect(cards.nth(1)).toHaveAttribute("aria-current", "true");
  await mark(eve, rows[0]!.id).click();
  await expect(cards.nth(0)).toHaveAttribute("aria-current", "true");
  await expect(mark(eve, rows[0]!.id)).toHaveClass(/is-selected/);
  await expect(eve.locator('[data-testid="outcome-card"][aria-current="true"]')).toHaveCount(1);

  // Read-only: selecting text offers no tagging.
  await selectWithMouse(eve, "South Korea");
  await expect.poll(() => eve.evaluate(() => document.getSelection()?.toString())).toBe("South Korea");
  await nextPaint(eve);
  await expect(eve.getByRole("dialog", { name: "Tag the selected claim" })).toHaveCount(0);

  // The claim's discussion: posted, stored on the claim, there after a reload.
  await third.getByRole("button", { name: "Discussion" }).click();
  await expect(third.getByTestId("comment-thread")).toContainText("No comments yet.");
  await third.getByRole("textbox", { name: "Comment" }).click();
  await eve.keyboard.type("Checked against the declaration: the summit was in Madrid.");
  await third.getByRole("button", { name: "Post comment" }).click();
  await expect(third.getByTestId("comment")).toContainText("Checked against the declaration: the summit was in Madrid.");
  expect(await db.comment.findMany({ where: { claimId: conflictClaim.id } })).toEqual([
    expect.objectContaining({ authorId: desk.editor.id, bodyHtml: expect.stringContaining("Checked against the declaration") }),
  ]);
  await eve.reload();
  await outcomeTab(eve).click();
  await outcomeCards(eve).nth(2).getByRole("button", { name: "Discussion" }).click();
  await expect(outcomeCards(eve).nth(2).getByTestId("comment")).toContainText(`${desk.editor.name}`);
  await expect(outcomeCards(eve).nth(2).getByTestId("comment")).toContainText("Checked against the declaration: the summit was in Madrid.");

  // Arrow keys move between the tabs; back on Annotations the annotations are highlighted again.
  await outcomeTab(eve).focus();
  await eve.keyboard.press("ArrowRight");
  await expect(annotationsTab(eve)).toHaveAttribute("aria-selected", "true");
  await expect(annotationsTab(eve)).toBeFocused();
  await expect(mark(eve, annotationId).first()).toBeVisible();
  await expect(mark(eve, conflictClaim.id)).toHaveCount(0);
  await expect(eve.getByRole("tabpanel", { name: "Outcome" })).toBeHidden();
});

test("a reviewer sees the outcome once the round is adjudicated, and not during their own next blind review", async ({ browser }) => {
  const desk = await makeAdjudicatedRound();
  const rows = desk.claims;
  const ann = await personPage(browser, desk.reviewer1.email);
  await openArticle(ann, desk.article.id);
  await expect(ann.getByTestId("round-banner")).toContainText("adjudicated");
  await outcomeTab(ann).click();
  await expect(outcomeCards(ann).getByTestId("claim-quote")).toHaveText([AGREED_PHRASE, LONG_PHRASE, CONFLICT_PHRASE]);
  await expect(outcomeCards(ann).getByTestId("decision-rationale")).toHaveText([
    "Both reviewers found it wrong.",
    BOUNDARY_DECISION,
    DECISION_RATIONALE,
  ]);
  for (const r of rows) await expect(mark(ann, r.id)).toHaveText(r.exact);

  // The round is closed and a new blind review starts with Ann: the earlier outcome must not steer it.
  await desk.db.reviewRound.update({ where: { id: desk.round.id }, data: { status: "closed", closedAt: new Date() } });
  await createRound(desk.db, {
    team: desk.team,
    version: desk.version,
    createdById: desk.editor.id,
    adjudicatorId: desk.editor.id,
    reviewerIds: [desk.reviewer1.id],
  });
  await openArticle(ann, desk.article.id);
  await expect(ann.getByTestId("round-banner")).toContainText("You are reviewing this article blind");
  await expect(ann.getByRole("tablist")).toHaveCount(0);
  await expect(ann.locator(".article-viewer [data-claim-id]")).toHaveCount(0);

  // The editor still sees it.
  const eve = await personPage(browser, desk.editor.email);
  await openArticle(eve, desk.article.id);
  await outcomeTab(eve).click();
  await expect(outcomeCards(eve)).toHaveCount(3);
});

test("text selected on the Outcome says where claims are tagged, and moves there with the selection to tag it", async ({ browser }) => {
  const desk = await makeAdjudicatedRound();
  const ann = await personPage(browser, desk.reviewer1.email);
  await openArticle(ann, desk.article.id);
  await expect(outcomeTab(ann)).toHaveAttribute("aria-selected", "true");
  await selectWithMouse(ann, "South Korea");
  const hint = ann.getByRole("dialog", { name: "Tag the selected text" });
  await expect(hint).toContainText("New claims are tagged on Annotations.");
  await expect(ann.getByRole("dialog", { name: "Tag the selected claim" })).toHaveCount(0);
  // V, D and U tag nothing here; Escape closes the hint, and a new selection brings it back.
  await ann.keyboard.press("d");
  await ann.keyboard.press("Escape");
  await expect(hint).toHaveCount(0);
  await selectWithMouse(ann, "South Korea");
  await expect(hint).toBeVisible();
  await hint.getByRole("button", { name: "Tag on Annotations" }).click();
  await expect(annotationsTab(ann)).toHaveAttribute("aria-selected", "true");
  await expect(hint).toHaveCount(0);
  const popover = ann.getByRole("dialog", { name: "Tag the selected claim" });
  await popover.getByRole("button", { name: "Disputed", exact: true }).click();
  await expect
    .poll(async () =>
      (
        await testDb().annotation.findMany({ where: { articleId: desk.article.id, authorId: desk.reviewer1.id, exact: "South Korea" } })
      ).map((a) => [a.verdict, a.roundId]),
    )
    .toEqual([["disputed", null]]);
  await expect(ann.getByTestId("claim-card").getByTestId("claim-quote").getByText("South Korea", { exact: true })).toHaveCount(1);
});
