/**
 * Each event makes the right notification rows for the
 * right people, blind review hides what a co-reviewer may not see yet, and
 * read/unread works. E-mail is tested in notification-mail.test.ts.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { startRound } from "@/lib/server/reviews/start-round";
import { submitReview } from "@/lib/server/reviews/submit-review";
import { revealRound } from "@/lib/server/reviews/reveal-round";
import { getRound } from "@/lib/server/reviews/get-round";
import { decideCluster } from "@/lib/server/reviews/decide-cluster";
import { correctArticle } from "@/lib/server/articles/correct-article";
import { createComment } from "@/lib/server/comments/create-comment";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { markNotificationsRead, setNotificationRead } from "@/lib/server/notifications/mark-notifications-read";
import { createClaimOnPhrase } from "@/seeds/evidence-factories";
import { viewerOf } from "@/lib/server/visibility/viewer";
import {
  NOTIFY_TEXT,
  makeNotifyDesk,
  mentionChip,
  span,
  splitOnInflation,
  startDeskRound,
  type NotifyDesk,
} from "../support/notification-desk";
import { makeDesk, makeMember } from "../support/actors";
import { errorCode } from "../support/error-code";
import { firstWords } from "@/lib/articles/article-name";

let desk: NotifyDesk;
beforeEach(async () => {
  desk = await makeNotifyDesk();
});

/** Every notification of the team, as [who, kind] pairs, sorted. */
async function rows(kind?: string) {
  const all = await db.notification.findMany({
    where: { teamId: desk.team.id, ...(kind ? { kind } : {}) },
    select: { userId: true, kind: true, text: true, url: true, articleId: true },
  });
  return all;
}
const who = (id: string) =>
  id === desk.editor.id ? "editor" : id === desk.reviewer.id ? "reviewer" : id === desk.reviewer2.id ? "reviewer2" : id;
const pairs = async (kind?: string) => (await rows(kind)).map((r) => `${who(r.userId)}:${r.kind}`).sort();

const start = () => startDeskRound(desk);

describe("notifications of a review round", () => {
  it("tells each reviewer of the assignment, the editor of each submit, everyone of the reveal, and each reviewer how their claim was decided", async () => {
    const round = await start();
    expect(await pairs()).toEqual(["reviewer2:assignment", "reviewer:assignment"]);
    expect((await rows("assignment"))[0]).toMatchObject({ url: `/articles/${desk.article.id}`, articleId: desk.article.id });

    await splitOnInflation(desk);
    await submitReview(await viewerOf(desk.reviewer), round.id);
    // The editor hears of the submit; the co-reviewer, who reviews blind, hears nothing of it.
    expect(await pairs("submitted")).toEqual(["editor:submitted"]);
    expect((await rows("submitted"))[0]!.text).toContain(desk.reviewer.name!);

    await submitReview(await viewerOf(desk.reviewer2), round.id);
    expect(await pairs("revealed")).toEqual(["editor:revealed", "reviewer:revealed"]); // not the one whose submit revealed it
    expect(await pairs("submitted")).toEqual(["editor:submitted"]); // the last submit is told as the reveal

    const [cluster] = (await getRound(await viewerOf(desk.editor), round.id)).clusters;
    await decideCluster(await viewerOf(desk.editor), cluster!.id, {
      action: "accept",
      boundary: "union",
      verdict: "disputed",
      rationale: "<p>CPI says 3.4 percent.</p>",
      version: cluster!.version,
    });
    const decided = await rows("decided");
    expect(decided.map((r) => who(r.userId)).sort()).toEqual(["reviewer", "reviewer2"]);
    const forTwo = decided.find((r) => r.userId === desk.reviewer2.id)!;
    expect(forTwo.text).toMatch(/accepted as Disputed \(you said Verified\)\. Reason: CPI says 3\.4 percent\./);
    expect(decided.find((r) => r.userId === desk.reviewer.id)!.text).not.toContain("you said");
    expect(forTwo.url).toMatch(new RegExp(`^/articles/${desk.article.id}\\?claim=`));

    // In the reviewer's bell: newest first, unread counted, read and unread again.
    const inbox = await listNotifications(await viewerOf(desk.reviewer2));
    expect(inbox.items.map((n) => n.kind)).toEqual(["decided", "assignment"]);
    expect(inbox.unread).toBe(2);
    const read = await setNotificationRead(await viewerOf(desk.reviewer2), inbox.items[0]!.id, true);
    expect(read.readAt).not.toBeNull();
    expect((await listNotifications(await viewerOf(desk.reviewer2))).unread).toBe(1);
    await setNotificationRead(await viewerOf(desk.reviewer2), inbox.items[0]!.id, false);
    expect((await listNotifications(await viewerOf(desk.reviewer2), { unread: "1", limit: 20 })).items).toHaveLength(2);
    expect((await markNotificationsRead(await viewerOf(desk.reviewer2))).unread).toBe(0);
    // Another member's notification is a 404, as is an unknown one.
    expect(await errorCode(setNotificationRead(await viewerOf(desk.reviewer), inbox.items[0]!.id, true))).toBe("404:");
  });

  it("tells the editor who revealed early nothing, and every reviewer of the reveal", async () => {
    const round = await start();
    await revealRound(await viewerOf(desk.editor), round.id, round.version);
    expect(await pairs("revealed")).toEqual(["reviewer2:revealed", "reviewer:revealed"]);
  });

  it("names an untitled article by the first words of its text, as its lists do, in the assignment, submit and reveal notices", async () => {
    await db.article.update({ where: { id: desk.article.id }, data: { title: null } });
    const lead = firstWords(desk.version.text);
    const round = await start();
    await submitReview(await viewerOf(desk.reviewer), round.id);
    await revealRound(await viewerOf(desk.editor), round.id, (await getRound(await viewerOf(desk.editor), round.id)).version);
    const texts = (await rows()).filter((r) => ["assignment", "submitted", "revealed"].includes(r.kind)).map((r) => r.text);
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const text of texts) {
      expect(text).toContain(`“${lead}”`);
      expect(text).not.toContain("an article");
    }
  });

  it("tells no editor of a submit when the round's editor reviews it too (blind, they see no one's progress)", async () => {
    const round = await startRound(await viewerOf(desk.editor), {
      articleId: desk.article.id,
      reviewerIds: [desk.reviewer.id, desk.editor.id],
      adjudicatorId: desk.editor.id,
    });
    await submitReview(await viewerOf(desk.reviewer), round.id);
    expect(await pairs("submitted")).toEqual([]);
  });
});

describe("mentions", () => {
  it("notifies a mentioned teammate with a link to the claim's thread at the comment, once, and never the author", async () => {
    const claim = await createClaim(desk.editor, desk.article.id, {
      versionId: desk.version.id,
      ...span("Exports rose by 12 percent"),
      verdict: "unsourced",
    });
    const c = await createComment(await viewerOf(desk.editor), {
      annotationId: claim.id,
      body: `<p>${mentionChip(desk.reviewer)} and ${mentionChip(desk.reviewer)} and ${mentionChip(desk.editor)}: source?</p>`,
    });
    expect(c.mentions.map((m) => m.id)).toEqual([desk.reviewer.id]);
    const [n, ...more] = await rows("mention");
    expect(more).toEqual([]);
    expect(n).toMatchObject({ userId: desk.reviewer.id, url: `/articles/${desk.article.id}?claim=${claim.id}&discuss=1&comment=${c.id}` });
    // A reply that mentions by hand ("@first-name") works the same way.
    const first = desk.reviewer2.name!.split(" ")[0];
    await createComment(await viewerOf(desk.reviewer), { annotationId: claim.id, parentId: c.id, body: `<p>@${first} do you know?</p>` });
    expect(await pairs("mention")).toEqual(["reviewer2:mention", "reviewer:mention"]);
    // A deactivated member or someone of another team is not notified, whatever the chip says.
    const stranger = await makeMember(db, (await makeDesk(db)).team);
    await createComment(await viewerOf(desk.editor), { annotationId: claim.id, body: `<p>${mentionChip(stranger)}</p>` });
    expect(await pairs("mention")).toEqual(["reviewer2:mention", "reviewer:mention"]);
  });

  it("keeps a mention in a blind reviewer's hidden thread from their co-reviewer until the reveal: not listed, not counted", async () => {
    const round = await start();
    const draft = await createClaim(desk.reviewer, desk.article.id, {
      versionId: desk.version.id,
      ...span("inflation fell to 3 percent"),
      verdict: "disputed",
    });
    const c = await createComment(await viewerOf(desk.reviewer), {
      annotationId: draft.id,
      body: `<p>${mentionChip(desk.reviewer2)} look</p>`,
    });
    const before = await listNotifications(await viewerOf(desk.reviewer2));
    expect(before.items.map((n) => n.kind)).toEqual(["assignment"]);
    expect(before.unread).toBe(1);
    // The co-reviewer cannot open the thread either (404, as for the hidden claim).
    expect(
      await errorCode(createComment(await viewerOf(desk.reviewer2), { annotationId: draft.id, parentId: c.id, body: "<p>peek</p>" })),
    ).toBe("404:");
    // Marking "all" read leaves what is hidden unread for when it opens.
    await markNotificationsRead(await viewerOf(desk.reviewer2));
    await submitReview(await viewerOf(desk.reviewer), round.id);
    await submitReview(await viewerOf(desk.reviewer2), round.id);
    const after = await listNotifications(await viewerOf(desk.reviewer2));
    // The reveal was their own submit, so no "revealed"; the mention now shows, unread.
    expect(after.items.map((n) => n.kind)).toEqual(["mention", "assignment"]);
    expect(after.unread).toBe(1);
  });
});

describe("corrections", () => {
  it("tells each author whose claim's words a correction changed, and no one whose claim only moved", async () => {
    const changed = await createClaimOnPhrase(db, {
      team: desk.team,
      version: desk.version,
      authorId: desk.reviewer.id,
      phrase: "Exports rose by 12 percent",
      verdict: "disputed",
    });
    await createClaimOnPhrase(db, {
      team: desk.team,
      version: desk.version,
      authorId: desk.reviewer2.id,
      phrase: "inflation fell to 3 percent",
      verdict: "verified",
    });
    const text = `Update: corrected.\n${NOTIFY_TEXT.replace("Exports rose by 12 percent", "Exports rose by 14 percent")}`;
    await correctArticle(desk.editor, desk.article.id, { version: 1, text });
    const corrected = await rows("corrected");
    expect(corrected.map((r) => who(r.userId))).toEqual(["reviewer"]);
    expect(corrected[0]!.text).toMatch(
      /correction of “Test article” \(version 2\) changed a claim of yours: “Exports rose by 12 percent” (drifted|orphaned)/,
    );
    expect(corrected[0]!.url).toBe(`/articles/${desk.article.id}?claim=${changed.id}`);
  });
});
