/**
 * Discussion and notifications as people use them: an editor opens a claim's
 * discussion, mentions a reviewer through the @-autocomplete and posts; the
 * reviewer's bell shows one unread notification, whose link opens the
 * article at that claim with its thread open at the comment; the reviewer
 * replies and resolves the thread, and marks the notification unread again.
 */
import { test, expect, testDb } from "../../support/fixtures";
import { personPage } from "../../support/review-pages";
import { AGREED_PHRASE, makeReviewDesk } from "../../support/review-desk";
import { createClaimOnPhrase } from "@/seeds/evidence-factories";

/** A review desk with Ann's disputed claim on the agreed phrase. */
async function deskWithDisputedClaim() {
  const desk = await makeReviewDesk();
  const claim = await createClaimOnPhrase(testDb(), {
    team: desk.team,
    version: desk.version,
    authorId: desk.reviewer1.id,
    phrase: AGREED_PHRASE,
    verdict: "disputed",
  });
  return { desk, claim };
}

test("a thread on a claim with a mention, the bell's unread count, and the deep link that opens the thread", async ({ browser }) => {
  test.setTimeout(120_000);
  const { desk, claim } = await deskWithDisputedClaim();
  const [eve, ann] = await Promise.all([personPage(browser, desk.editor.email), personPage(browser, desk.reviewer1.email)]);

  // Eve opens the claim's discussion (no comments yet) and mentions Ann through the autocomplete.
  await eve.goto(`/articles/${desk.article.id}`);
  const card = eve.locator(`[data-testid="claim-card"][data-claim-id="${claim.id}"]`);
  await expect(card.getByTestId("discussion-count")).toHaveText("0");
  await card.getByTestId("discussion-toggle").click();
  const editor = card.getByRole("textbox", { name: "Comment" });
  await editor.click();
  await eve.keyboard.type("Which source says so, @Ann");
  const list = eve.getByTestId("mention-list");
  await expect(list.getByRole("option", { name: new RegExp(desk.reviewer1.name) })).toBeVisible();
  await eve.keyboard.press("Enter");
  await expect(list).toHaveCount(0);
  await eve.keyboard.type("?");
  await card.getByRole("button", { name: "Post comment" }).click();
  const posted = card.getByTestId("comment");
  await expect(posted).toHaveCount(1);
  await expect(posted).toContainText(`@${desk.reviewer1.name}`);
  await expect(posted).toContainText(`notified ${desk.reviewer1.name}`);
  await expect(card.getByTestId("discussion-count")).toHaveText("1");
  const comment = await testDb().comment.findFirstOrThrow({ where: { annotationId: claim.id } });
  expect(comment.bodyHtml).toContain(`data-id="${desk.reviewer1.id}"`);
  await eve.setViewportSize({ width: 1280, height: 900 });
  await eve.screenshot({ path: test.info().outputPath("discussion-desktop.png") });

  // Ann's bell counts one unread notification; following it opens the claim's thread at the comment.
  await ann.goto("/articles");
  const bell = ann.getByTestId("notifications");
  await expect(ann.getByTestId("notif-count")).toHaveText("1");
  await bell.click();
  const item = ann.getByTestId("notification").first();
  await expect(item).toHaveAttribute("data-read", "false");
  await expect(item).toContainText(`${desk.editor.name} mentioned you on the claim “${AGREED_PHRASE}”`);
  await item.getByRole("link").click();
  await expect(ann).toHaveURL(new RegExp(`/articles/${desk.article.id}\\?claim=${claim.id}&discuss=1&comment=${comment.id}$`));
  const annCard = ann.locator(`[data-testid="claim-card"][data-claim-id="${claim.id}"]`);
  await expect(annCard).toHaveAttribute("aria-current", "true");
  const linked = annCard.locator(`[data-comment-id="${comment.id}"]`);
  await expect(linked).toHaveAttribute("aria-current", "true");
  await expect(linked).toBeInViewport();
  await expect(ann.getByTestId("notif-count")).toHaveCount(0);
  expect((await testDb().notification.findFirstOrThrow({ where: { userId: desk.reviewer1.id, kind: "mention" } })).readAt).not.toBeNull();

  // Ann replies in the thread, then resolves it (it is her claim).
  await annCard.getByRole("button", { name: "Reply" }).click();
  await annCard.getByRole("textbox", { name: "Reply" }).click();
  await ann.keyboard.type("Yonhap, 30 January.");
  await annCard.getByRole("button", { name: "Post reply" }).click();
  await expect(annCard.getByTestId("comment")).toHaveCount(2);
  await expect(annCard.getByTestId("comment").nth(1)).toHaveClass(/comment--reply/);
  await annCard.getByRole("button", { name: "Resolve" }).click();
  await expect(annCard.getByTestId("discussion-thread")).toHaveAttribute("data-resolved", "true");
  await expect(annCard.getByTestId("thread-resolved")).toContainText(`Resolved by ${desk.reviewer1.name}`);
  await expect(annCard.getByTestId("discussion-toggle")).toContainText("2");
  expect((await testDb().comment.findUniqueOrThrow({ where: { id: comment.id } })).resolvedById).toBe(desk.reviewer1.id);

  // Eve was not mentioned and has no notification; Ann marks hers unread again.
  await expect(eve.getByTestId("notif-count")).toHaveCount(0);
  await bell.click();
  await ann.getByTestId("notification").first().getByRole("button", { name: "Mark unread" }).click();
  await expect(ann.getByTestId("notif-count")).toHaveText("1");

  // At a phone's width the card, its thread and the bell fit.
  await ann.setViewportSize({ width: 390, height: 844 });
  await ann.goto(`/articles/${desk.article.id}?claim=${claim.id}&discuss=1&comment=${comment.id}`);
  await expect(ann.locator(`[data-comment-id="${comment.id}"]`)).toBeVisible();
  await ann.screenshot({ path: test.info().outputPath("discussion-phone.png"), fullPage: true });
});

test("an @ typed before the teammates have loaded says so, then offers them", async ({ browser }) => {
  const { desk, claim } = await deskWithDisputedClaim();
  const eve = await personPage(browser, desk.editor.email);
  // The team's members are held back until Eve has typed her "@Ann".
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await eve.route("**/api/team/members", async (route) => {
    await released;
    await route.continue().catch(() => {});
  });
  await eve.goto(`/articles/${desk.article.id}`);
  const card = eve.locator(`[data-testid="claim-card"][data-claim-id="${claim.id}"]`);
  await card.getByTestId("discussion-toggle").click();
  const editor = card.getByRole("textbox", { name: "Comment" });
  await editor.click();
  await eve.keyboard.type("@Ann");
  const list = eve.getByTestId("mention-list");
  await expect(list).toContainText("Loading teammates…");
  release();
  await expect(list.getByRole("option", { name: new RegExp(desk.reviewer1.name) })).toBeVisible();
  await eve.keyboard.press("Enter");
  await expect(editor.locator('[data-type="mention"]')).toHaveAttribute("data-id", desk.reviewer1.id);
});

test("the @-list at the caret near a card's right edge stays inside the window", async ({ browser }) => {
  const { desk, claim } = await deskWithDisputedClaim();
  const eve = await personPage(browser, desk.editor.email);
  await eve.setViewportSize({ width: 1280, height: 800 });
  await eve.goto(`/articles/${desk.article.id}`);
  const card = eve.locator(`[data-testid="claim-card"][data-claim-id="${claim.id}"]`);
  await card.getByTestId("discussion-toggle").click();
  await card.getByRole("textbox", { name: "Comment" }).click();
  await eve.keyboard.type("Can someone check the Yonhap wording @");
  const list = eve.getByTestId("mention-list");
  await expect(list.getByRole("option").first()).toBeVisible();
  const box = (await list.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  expect(box.y + box.height).toBeLessThanOrEqual(800);
});
