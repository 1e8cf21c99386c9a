import type { Page } from "@playwright/test";
import { sliceCodePoints } from "@/lib/anchoring/offsets";
import { test, expect, testDb } from "../../support/fixtures";
import { AGREED_PHRASE, CONFLICT_PHRASE, LONG_PHRASE, SHORT_PHRASE, makeRevealedRound, makeReviewDesk } from "../../support/review-desk";
import { clusterCard, gotoLive, personPage } from "../../support/review-pages";
import { annotateInRound, deskRound, submitInRound } from "@/seeds/review-factories";

// Each test makes its own desk and round (seeds/review-factories.ts), so they can run side by side.
test.describe.configure({ mode: "parallel" });

const clustersHeading = (page: Page) => page.getByRole("heading", { name: /^Clusters/ });

test("an editor accepts the agreed clusters in bulk, and another editor's open session shows it without a reload", async ({ browser }) => {
  const desk = await makeRevealedRound();
  const agreedRow = desk.clusters.find((c) => c.kind === "agreed")!;
  const [eve, ed] = await Promise.all([personPage(browser, desk.editor.email), personPage(browser, desk.editor2.email)]);

  // Ed has the round open; a marker on his window shows later that it was never reloaded.
  await gotoLive(ed, `/reviews/${desk.round.id}`);
  await expect(clusterCard(ed, "agreed")).toHaveAttribute("data-status", "open");
  await ed.evaluate(() => Object.assign(window, { sameDocument: true }));

  await eve.goto(`/reviews/${desk.round.id}`);
  await expect(clustersHeading(eve)).toContainText("3 · 3 open");
  await eve.getByRole("button", { name: "Accept all 1 agreed cluster" }).click();
  const agreed = clusterCard(eve, "agreed");
  await expect(agreed).toHaveAttribute("data-status", "decided");
  await expect(agreed.getByTestId("decision")).toContainText(`Accepted by ${desk.editor.name}`);
  await expect(agreed.getByTestId("decided-quote")).toHaveText(AGREED_PHRASE);
  await expect(eve.getByRole("button", { name: /^Accept all/ })).toHaveCount(0);
  await expect(clustersHeading(eve)).toContainText("3 · 2 open");
  // Only agreed clusters are accepted in bulk.
  await expect(clusterCard(eve, "verdict_conflict")).toHaveAttribute("data-status", "open");
  await expect(clusterCard(eve, "boundary_only")).toHaveAttribute("data-status", "open");

  // Ed's screen follows without a reload.
  await expect(clusterCard(ed, "agreed")).toHaveAttribute("data-status", "decided");
  await expect(clusterCard(ed, "agreed").getByTestId("decision")).toContainText(`Accepted by ${desk.editor.name}`);
  await expect(clustersHeading(ed)).toContainText("3 · 2 open");
  await expect(ed.getByRole("button", { name: /^Accept all/ })).toHaveCount(0);
  expect(await ed.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  const db = testDb();
  const decisions = await db.decision.findMany({ where: { clusterId: agreedRow.id } });
  expect(decisions).toEqual([
    expect.objectContaining({ action: "accept", deciderId: desk.editor.id, verdict: "disputed", clusterVersion: 1 }),
  ]);
  // The boundary is one reviewer's span (both are the same).
  expect(agreedRow.members.map((m) => m.annotation.id)).toContain(decisions[0]!.boundary);
  expect(await db.claim.findMany({ where: { clusterId: agreedRow.id, deletedAt: null } })).toEqual([
    expect.objectContaining({ exact: AGREED_PHRASE, verdict: "disputed" }),
  ]);
  expect(await db.auditEvent.count({ where: { objectId: agreedRow.id, action: "cluster.accept", actorId: desk.editor.id } })).toBe(1);
  expect(await db.decision.count({ where: { cluster: { roundId: desk.round.id, kind: { not: "agreed" } } } })).toBe(0);
});

test("an editor rejects a cluster as not a claim only with a rationale, and picks the union, then the intersection, as a boundary", async ({
  browser,
}) => {
  const desk = await makeRevealedRound();
  const db = testDb();
  const eve = await personPage(browser, desk.editor.email);
  await eve.goto(`/reviews/${desk.round.id}`);

  // Reject the verdict conflict: refused without a rationale, saved with one.
  const conflict = clusterCard(eve, "verdict_conflict");
  await conflict.getByRole("button", { name: "Decide" }).click();
  const cf = conflict.getByTestId("decision-form");
  await cf.getByRole("button", { name: "Reject: not a claim" }).click();
  await expect(cf.getByRole("alert")).toContainText("Say why this is not a claim.");
  await expect(conflict).toHaveAttribute("data-status", "open");
  await cf.getByRole("textbox", { name: "Decision rationale" }).click();
  await eve.keyboard.type("Background on the summit, not a statement to check.");
  await cf.getByRole("button", { name: "Reject: not a claim" }).click();
  await expect(conflict).toHaveAttribute("data-status", "rejected");
  await expect(conflict.getByTestId("decision")).toContainText(`Rejected as not a claim by ${desk.editor.name}`);
  await expect(conflict.getByTestId("decision-rationale")).toHaveText("Background on the summit, not a statement to check.");
  await expect(conflict.getByRole("button", { name: /^Cluster \d+: show in the text/ })).toContainText("Rejected");
  const conflictRow = desk.clusters.find((c) => c.kind === "verdict_conflict")!;
  expect(await db.decision.findMany({ where: { clusterId: conflictRow.id } })).toEqual([
    expect.objectContaining({
      action: "reject",
      boundary: null,
      verdict: null,
      rationaleHtml: expect.stringContaining("Background on the summit"),
    }),
  ]);
  expect(await db.claim.count({ where: { clusterId: conflictRow.id, deletedAt: null } })).toBe(0);

  // The boundary-only cluster: the union of both spans is the long one.
  const boundary = clusterCard(eve, "boundary_only");
  await boundary.getByRole("button", { name: "Decide" }).click();
  const bf = boundary.getByTestId("decision-form");
  await bf.getByRole("radio", { name: /\(the union\)/ }).check();
  await bf.getByRole("button", { name: "Verified", exact: true }).click();
  await bf.getByRole("textbox", { name: "Decision rationale" }).click();
  await eve.keyboard.type("The deal includes the destination.");
  await bf.getByRole("button", { name: "Accept" }).click();
  await expect(boundary).toHaveAttribute("data-status", "decided");
  await expect(boundary.getByTestId("decided-quote")).toHaveText(LONG_PHRASE);

  // Changing the decision to the intersection: the characters both spans share, the short one.
  await boundary.getByRole("button", { name: "Change the decision" }).click();
  await expect(bf.getByRole("radio", { name: /\(the union\)/ })).toBeChecked();
  await bf.getByRole("radio", { name: /\(the intersection\)/ }).check();
  await bf.getByRole("textbox", { name: "Decision rationale" }).click();
  await eve.keyboard.type("On reflection, only the arms are the claim.");
  await bf.getByRole("button", { name: "Accept" }).click();
  await expect(boundary.getByTestId("decided-quote")).toHaveText(SHORT_PHRASE);
  await expect(boundary.getByTestId("decision")).toContainText("2 decisions so far; the latest counts.");
  await expect(boundary.getByTestId("decision-rationale")).toHaveText("On reflection, only the arms are the claim.");

  const boundaryRow = desk.clusters.find((c) => c.kind === "boundary_only")!;
  const text = desk.version.text;
  const decisions = await db.decision.findMany({ where: { clusterId: boundaryRow.id }, orderBy: { clusterVersion: "asc" } });
  // One span lies inside the other: the union is the long reviewer's span and the intersection the short one's, chosen as those spans.
  const spanOf = async (exact: string) =>
    (await db.annotation.findFirstOrThrow({ where: { roundId: desk.round.id, exact }, select: { id: true } })).id;
  expect(decisions.map((d) => [d.boundary, d.verdict, sliceCodePoints(text, d.start!, d.end!)])).toEqual([
    [await spanOf(LONG_PHRASE), "verified", LONG_PHRASE],
    [await spanOf(SHORT_PHRASE), "verified", SHORT_PHRASE],
  ]);
  // One claim per cluster, moved to the latest boundary (decisions are append-only, the claim is not duplicated).
  expect(await db.claim.findMany({ where: { clusterId: boundaryRow.id, deletedAt: null } })).toEqual([
    expect.objectContaining({ exact: SHORT_PHRASE, verdict: "verified" }),
  ]);
  // The agreed cluster is still open, so the round still awaits adjudication.
  await expect(eve.getByTestId("round-status")).toHaveText("Awaiting adjudication");
});

test("a reviewer finds the assignment in My queue, submits, and reopens the review before the reveal", async ({ browser }) => {
  const desk = await makeReviewDesk();
  const { db, team, version } = desk;
  const round = await deskRound(db, {
    team,
    version,
    editor: desk.editor,
    reviewers: [desk.reviewer1, desk.reviewer2],
    dueDate: "2031-03-14",
  });
  const note = await annotateInRound(db, {
    team,
    roundId: round.id,
    version,
    authorId: desk.reviewer1.id,
    phrase: CONFLICT_PHRASE,
    verdict: "disputed",
  });
  const assignment = () => db.roundAssignment.findFirstOrThrow({ where: { roundId: round.id, reviewerId: desk.reviewer1.id } });
  const ann = await personPage(browser, desk.reviewer1.email);

  await ann.goto("/articles");
  await ann.getByRole("link", { name: "My queue" }).click();
  await expect(ann.getByRole("heading", { name: "My queue" })).toBeVisible();
  const item = ann.getByTestId("queue-item");
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId("round-status")).toHaveText("Blind review");
  await expect(item.getByRole("cell")).toHaveText([`Review ${team.slug}`, "Blind review", "To do", "14 Mar 2031", "1"]);

  await item.getByRole("link", { name: `Review ${team.slug}` }).click();
  await expect(ann).toHaveURL(new RegExp(`/articles/${desk.article.id}$`));
  const banner = ann.getByTestId("round-banner");
  await expect(banner).toContainText("You are reviewing this article blind");
  await banner.getByRole("button", { name: "Submit my review" }).click();
  await expect(banner).toContainText("You submitted your review. It stays locked; you can reopen it until the round is revealed.");
  await expect.poll(async () => (await assignment()).submittedAt).not.toBeNull();
  expect((await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).status).toBe("submitted");

  await banner.getByRole("button", { name: "Reopen my review" }).click();
  await expect(banner).toContainText("You are reviewing this article blind");
  await expect(banner.getByRole("button", { name: "Submit my review" })).toBeEnabled();
  await expect.poll(async () => (await assignment()).submittedAt).toBeNull();
  expect((await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).status).toBe("draft");
  expect((await db.reviewRound.findUniqueOrThrow({ where: { id: round.id } })).status).toBe("open");
  expect(
    await db.auditEvent.count({
      where: { objectId: round.id, action: { in: ["round.submit", "round.reopen"] }, actorId: desk.reviewer1.id },
    }),
  ).toBe(2);

  // Back in the queue, the review is to do again.
  await ann.getByRole("link", { name: "My queue" }).click();
  await expect(item.getByRole("cell").nth(2)).toHaveText("To do");
});

test("an editor ends the blind phase early: only the submitted reviewer's work is revealed", async ({ browser }) => {
  const desk = await makeReviewDesk();
  const { db, team, version } = desk;
  const round = await deskRound(db, { team, version, editor: desk.editor, reviewers: [desk.reviewer1, desk.reviewer2] });
  const mark = (who: { id: string }, phrase: string, verdict: "verified" | "disputed") =>
    annotateInRound(db, { team, roundId: round.id, version, authorId: who.id, phrase, verdict });
  await mark(desk.reviewer1, CONFLICT_PHRASE, "disputed");
  await mark(desk.reviewer1, AGREED_PHRASE, "verified");
  const benDraft = await mark(desk.reviewer2, CONFLICT_PHRASE, "verified");
  await submitInRound(db, round.id, desk.reviewer1.id);

  const eve = await personPage(browser, desk.editor.email);
  await eve.goto(`/reviews/${round.id}`);
  await expect(eve.getByTestId("round-status")).toHaveText("Blind review");
  const row = (who: { id: string }) => eve.locator(`[data-testid="progress-row"][data-reviewer="${who.id}"]`);
  await expect(row(desk.reviewer1).getByTestId("progress-state")).toContainText("Submitted");
  await expect(row(desk.reviewer2).getByTestId("progress-state")).toHaveText("In progress");
  await expect(row(desk.reviewer2).getByTestId("progress-count")).toHaveText("1");
  await expect(eve.getByText(CONFLICT_PHRASE)).toHaveCount(0);

  let prompt = "";
  eve.once("dialog", (dialog) => {
    prompt = dialog.message();
    void dialog.accept();
  });
  await eve.getByRole("button", { name: "End blind phase and reveal" }).click();
  await expect(eve.getByTestId("round-status")).toHaveText("Awaiting adjudication");
  expect(prompt).toContain("1 reviewer(s) have not submitted");
  await expect(eve.getByRole("button", { name: "End blind phase and reveal" })).toHaveCount(0);
  await expect(row(desk.reviewer2).getByTestId("progress-state")).toHaveText("Not submitted");

  // Ben's unsubmitted draft stays out: two clusters, each Ann's alone.
  await expect(eve.getByTestId("cluster-card")).toHaveCount(2);
  await expect(clusterCard(eve, "single_reviewer")).toHaveCount(2);
  await expect(eve.getByTestId("cluster-member")).toHaveCount(2);
  await expect(eve.locator(`[data-testid="cluster-member"][data-reviewer="${desk.reviewer1.id}"]`)).toHaveCount(2);
  await expect(clusterCard(eve, "single_reviewer").first().getByTestId("cluster-member")).toContainText(desk.reviewer1.name);

  expect(await db.reviewRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
    status: "revealed",
    revealedAt: expect.any(Date),
  });
  expect(await db.clusterMember.count({ where: { annotationId: benDraft.id } })).toBe(0);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: round.id, action: "round.reveal" } });
  expect(audit).toMatchObject({ actorId: desk.editor.id, after: expect.objectContaining({ reason: "editor" }) });
});
