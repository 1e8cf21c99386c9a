/**
 * Notifications e-mailed through nodemailer to a local SMTP
 * sink (tests/support/smtp-sink.ts), as each happens or as a daily digest,
 * following each member's choice and blind review.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// SMTP_URL must be set before anything reads the environment (lib/env.ts reads it once).
const port = vi.hoisted(() => {
  const p = 2700 + Number(process.env.CLAIMDESK_TEST_SLOT ?? 0);
  process.env.SMTP_URL = `smtp://127.0.0.1:${p}`;
  process.env.SMTP_FROM = "Claimdesk <desk@example.test>";
  return p;
});

import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { submitReview } from "@/lib/server/reviews/submit-review";
import { getRound } from "@/lib/server/reviews/get-round";
import { decideCluster } from "@/lib/server/reviews/decide-cluster";
import { createComment } from "@/lib/server/comments/create-comment";
import { deliverEachMail } from "@/lib/server/notifications/deliver-mail";
import { sendDueDigests, lastDigestTime } from "@/lib/server/notifications/send-digests";
import { mailIdle } from "@/lib/server/notifications/mail-scheduler";
import { getNotificationSettings, updateNotificationSettings } from "@/lib/server/notifications/notification-settings";
import { viewerOf } from "@/lib/server/visibility/viewer";
import { makeNotifyDesk, mentionChip, span, splitOnInflation, startDeskRound, type NotifyDesk } from "../support/notification-desk";
import { makeDesk } from "../support/actors";
import { startSmtpSink } from "../support/smtp-sink";
import { errorCode } from "../support/error-code";

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink(port);
});
afterAll(async () => {
  await mailIdle();
  await sink.close();
});

let desk: NotifyDesk;
beforeEach(async () => {
  desk = await makeNotifyDesk();
});

const mailsTo = (email: string) => sink.received.filter((m) => m.to.includes(email.toLowerCase()) || m.to.includes(email));
/** The body of a received message, its quoted-printable soft breaks undone. */
const body = (raw: string) =>
  raw
    .replace(/=\r?\n/g, "")
    .replace(/=E2=80=9C/g, "“")
    .replace(/=E2=80=9D/g, "”");

async function choose(member: NotifyDesk["reviewer"], email: "each" | "digest" | "none") {
  const settings = await getNotificationSettings(member);
  const team = settings.teams.find((t) => t.teamId === desk.team.id)!;
  return updateNotificationSettings(member, { teamId: desk.team.id, version: team.version, email });
}

describe("e-mail as each notification happens", () => {
  it("e-mails a reviewer when their annotation is decided, with the decision and a link to it, once", async () => {
    const round = await startDeskRound(desk);
    await splitOnInflation(desk);
    await submitReview(await viewerOf(desk.reviewer), round.id);
    await submitReview(await viewerOf(desk.reviewer2), round.id);
    const [cluster] = (await getRound(await viewerOf(desk.editor), round.id)).clusters;
    await decideCluster(await viewerOf(desk.editor), cluster!.id, {
      action: "accept",
      boundary: "union",
      verdict: "disputed",
      rationale: "<p>CPI says 3.4.</p>",
      version: cluster!.version,
    });
    await mailIdle();
    await deliverEachMail(); // whatever the background pass left (it runs in this process too)
    await mailIdle();

    const mail = (await sink.messageTo(desk.reviewer2.email.toLowerCase()), mailsTo(desk.reviewer2.email));
    const decided = mail.filter((m) => /decided your claim/.test(body(m.raw)));
    expect(decided).toHaveLength(1);
    expect(body(decided[0]!.raw)).toMatch(/accepted as Disputed \(you said Verified\)/);
    expect(body(decided[0]!.raw)).toContain(`/articles/${desk.article.id}?claim=`);
    // Rows are marked mailed, and another pass sends nothing more.
    expect(await db.notification.count({ where: { teamId: desk.team.id, mailVia: "each", mailedAt: null } })).toBe(0);
    const before = sink.received.length;
    expect((await deliverEachMail()).sent).toBe(0);
    expect(sink.received.length).toBe(before);
  });

  it("sends nothing to a member who chose no e-mail, and holds a blind co-reviewer's mention until the reveal", async () => {
    await choose(desk.editor, "none");
    const round = await startDeskRound(desk);
    const draft = await createClaim(desk.reviewer, desk.article.id, {
      versionId: desk.version.id,
      ...span("Exports rose by 12 percent"),
      verdict: "disputed",
    });
    await createComment(await viewerOf(desk.reviewer), {
      annotationId: draft.id,
      body: `<p>${mentionChip(desk.reviewer2)} secret-${desk.team.id}</p>`,
    });
    await mailIdle();
    const result = await deliverEachMail(new Date(), { recheckWaiting: true });
    expect(result.sent).toBe(0);
    expect(mailsTo(desk.reviewer2.email).some((m) => body(m.raw).includes(`secret-`) || /mentioned you/.test(body(m.raw)))).toBe(false);

    await submitReview(await viewerOf(desk.reviewer), round.id);
    expect(await db.notification.count({ where: { userId: desk.editor.id, kind: "submitted", mailVia: null } })).toBe(1);
    await submitReview(await viewerOf(desk.reviewer2), round.id);
    await mailIdle();
    await deliverEachMail(new Date(), { recheckWaiting: true });
    await mailIdle();
    expect(mailsTo(desk.reviewer2.email).filter((m) => /mentioned you/.test(body(m.raw)))).toHaveLength(1);
    expect(mailsTo(desk.editor.email)).toEqual([]);
  });
});

describe("the daily digest", () => {
  it("collects a member's notifications into one e-mail at the digest hour, once a day", async () => {
    await choose(desk.reviewer, "digest");
    const claim = await createClaim(desk.editor, desk.article.id, {
      versionId: desk.version.id,
      ...span("Exports rose by 12 percent"),
      verdict: "unsourced",
    });
    await createComment(await viewerOf(desk.editor), { annotationId: claim.id, body: `<p>${mentionChip(desk.reviewer)} first</p>` });
    await createComment(await viewerOf(desk.editor), { annotationId: claim.id, body: `<p>${mentionChip(desk.reviewer)} second</p>` });
    await mailIdle();
    expect(mailsTo(desk.reviewer.email)).toEqual([]); // nothing e-mailed one by one

    // The digest hour after the switch to the digest (the switch starts its day).
    const nextDigest = new Date(lastDigestTime(new Date()).getTime() + 24 * 3_600_000 + 60_000);
    expect((await sendDueDigests(nextDigest)).sent).toBeGreaterThanOrEqual(1);
    const digests = mailsTo(desk.reviewer.email);
    expect(digests).toHaveLength(1);
    expect(body(digests[0]!.raw)).toMatch(/Subject: \[[^\]]+\] 2 Claimdesk notifications/);
    expect(body(digests[0]!.raw).match(/mentioned you/g)).toHaveLength(2);
    // The same day again: nothing more.
    await sendDueDigests(new Date(nextDigest.getTime() + 3_600_000));
    expect(mailsTo(desk.reviewer.email)).toHaveLength(1);
  });

  it("refuses a stale choice (409) and another team (404)", async () => {
    const settings = await getNotificationSettings(desk.reviewer);
    const team = settings.teams.find((t) => t.teamId === desk.team.id)!;
    await updateNotificationSettings(desk.reviewer, { teamId: desk.team.id, version: team.version, email: "none" });
    expect(await errorCode(updateNotificationSettings(desk.reviewer, { teamId: desk.team.id, version: team.version, email: "each" }))).toBe(
      "409:",
    );
    expect(
      await errorCode(updateNotificationSettings(desk.reviewer, { teamId: (await makeDesk(db)).team.id, version: 1, email: "each" })),
    ).toBe("404:");
  });
});
