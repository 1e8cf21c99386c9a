import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { listClaims } from "@/lib/server/claims/list-claims";
import { startRound } from "@/lib/server/reviews/start-round";
import { submitReview } from "@/lib/server/reviews/submit-review";
import { reopenReview } from "@/lib/server/reviews/reopen-review";
import { revealRound } from "@/lib/server/reviews/reveal-round";
import { closeRound } from "@/lib/server/reviews/close-round";
import { getRound } from "@/lib/server/reviews/get-round";
import { getArticleRound } from "@/lib/server/reviews/get-article-round";
import { decideCluster } from "@/lib/server/reviews/decide-cluster";
import { listQueue } from "@/lib/server/reviews/list-queue";
import { makeDesk, makeMember } from "../support/actors";
import { errorCode } from "../support/error-code";
import { viewerOf } from "@/lib/server/visibility/viewer";

const TEXT = "The minister said inflation fell to 3 percent in May.\nExports rose by 12 percent, the ministry claimed on Tuesday.";
const code = errorCode;
/** Code-point span of `phrase` in TEXT (ASCII here, so indexes are code points). */
const span = (phrase: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });

let desk: Awaited<ReturnType<typeof makeDesk>>;
let round: Awaited<ReturnType<typeof startRound>>;
const annotate = (who: "reviewer" | "reviewer2" | "editor", phrase: string, verdict: "verified" | "disputed" | "unsourced") =>
  createClaim(desk[who], desk.article.id, { versionId: desk.version.id, ...span(phrase), verdict });

beforeEach(async () => {
  desk = await makeDesk(db, TEXT);
  round = await startRound(await viewerOf(desk.editor), {
    articleId: desk.article.id,
    reviewerIds: [desk.reviewer.id, desk.reviewer2.id],
    adjudicatorId: desk.editor.id,
    dueDate: "2030-01-31",
  });
});

describe("starting a round", () => {
  it("assigns reviewers and an adjudicator, notifies the reviewers and shows in their queue", async () => {
    expect(round).toMatchObject({ status: "open", dueDate: "2030-01-31", adjudicator: { id: desk.editor.id } });
    expect(round.reviewers.map((r) => r.id).sort()).toEqual([desk.reviewer.id, desk.reviewer2.id].sort());
    expect(await db.notification.count({ where: { objectId: round.id, kind: "assignment" } })).toBe(2);
    const queue = await listQueue(await viewerOf(desk.reviewer));
    expect(queue).toEqual([
      expect.objectContaining({ roundId: round.id, status: "open", dueDate: "2030-01-31", submittedAt: null, overdue: false }),
    ]);
    expect(await db.auditEvent.count({ where: { objectId: round.id, action: "round.start" } })).toBe(1);
  });

  it("lets exactly one of two simultaneous starts on one article through; the other gets 409 with the round that won", async () => {
    const fresh = await makeDesk(db, TEXT);
    const input = { articleId: fresh.article.id, reviewerIds: [fresh.reviewer.id], adjudicatorId: fresh.editor.id };
    const second = await makeMember(db, fresh.team, "editor");
    const results = await Promise.allSettled([startRound(await viewerOf(fresh.editor), input), startRound(await viewerOf(second), input)]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect([won.length, lost.length]).toEqual([1, 1]);
    const refusal = lost[0]!.reason as AppError;
    expect(refusal.status).toBe(409);
    const rows = await db.reviewRound.findMany({ where: { articleId: fresh.article.id }, select: { id: true } });
    expect(rows).toHaveLength(1);
    expect((refusal.current as { id: string }).id).toBe(rows[0]!.id);
    expect(await db.auditEvent.count({ where: { teamId: fresh.team.id, action: "round.start" } })).toBe(1);
    expect(await db.notification.count({ where: { teamId: fresh.team.id, kind: "assignment" } })).toBe(1);
  });

  it("refuses reviewers, bad input, outsiders and a second round on the same article", async () => {
    const other = await makeDesk(db, TEXT);
    const base = { articleId: desk.article.id, reviewerIds: [desk.reviewer.id], adjudicatorId: desk.editor.id };
    expect(await code(startRound(await viewerOf(desk.reviewer), base))).toBe("403:");
    expect(await code(startRound(await viewerOf(desk.editor), base))).toBe("409:");
    expect(await code(startRound(await viewerOf(other.editor), { ...base, articleId: desk.article.id }))).toBe("404:");
    const fresh = await makeDesk(db, TEXT);
    const ok = { articleId: fresh.article.id, reviewerIds: [fresh.reviewer.id], adjudicatorId: fresh.editor.id };
    expect(await code(startRound(await viewerOf(fresh.editor), { ...ok, reviewerIds: [other.reviewer.id] }))).toBe("400:reviewerIds");
    expect(await code(startRound(await viewerOf(fresh.editor), { ...ok, adjudicatorId: fresh.reviewer.id }))).toBe("400:adjudicatorId");
  });
});

describe("the blind phase", () => {
  it("puts reviewers' annotations in the round, each seeing only their own; editors and others see none", async () => {
    const mine = await annotate("reviewer", "inflation fell to 3 percent", "disputed");
    await annotate("reviewer2", "inflation fell to 3 percent in May", "verified");
    const outsider = await makeMember(db, desk.team, "reviewer");
    expect((await db.annotation.findUniqueOrThrow({ where: { id: mine.id } })).roundId).toBe(round.id);
    expect((await listClaims(await viewerOf(desk.reviewer), desk.article.id)).map((c) => c.exact)).toEqual(["inflation fell to 3 percent"]);
    expect((await listClaims(await viewerOf(desk.reviewer2), desk.article.id)).map((c) => c.exact)).toEqual([
      "inflation fell to 3 percent in May",
    ]);
    expect(await listClaims(await viewerOf(desk.editor), desk.article.id)).toEqual([]);
    expect(await listClaims(await viewerOf(outsider), desk.article.id)).toEqual([]);
  });

  it("shows editors progress (who submitted, how many) but never the content", async () => {
    await annotate("reviewer", "Exports rose by 12 percent", "verified");
    await annotate("reviewer", "on Tuesday", "unsourced");
    await submitReview(await viewerOf(desk.reviewer), round.id);
    const seen = await getRound(await viewerOf(desk.editor), round.id);
    expect(seen.status).toBe("open");
    expect(seen.clusters).toEqual([]);
    const progress = Object.fromEntries(seen.reviewers.map((r) => [r.id, [r.annotationCount, !!r.submittedAt]]));
    expect(progress).toEqual({ [desk.reviewer.id]: [2, true], [desk.reviewer2.id]: [0, false] });
    // The article text is public to the team; nothing else may carry what the reviewer marked.
    expect(JSON.stringify({ ...seen, text: "" })).not.toMatch(/Exports rose|on Tuesday|verified|unsourced/);
    // A fellow reviewer sees who submitted, not how much.
    expect(
      (await getRound(await viewerOf(desk.reviewer2), round.id)).reviewers.every(
        (r) => r.annotationCount === null || r.id === desk.reviewer2.id,
      ),
    ).toBe(true);
  });

  it("locks a submitted set (clear 403s), reopens it until the reveal, and refuses strangers", async () => {
    const a = await annotate("reviewer", "Exports rose by 12 percent", "verified");
    const submitted = await submitReview(await viewerOf(desk.reviewer), round.id);
    expect(submitted.mine?.submittedAt).toBeTruthy();
    const row = await db.annotation.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.status).toBe("submitted");
    await expect(updateClaim(await viewerOf(desk.reviewer), a.id, { version: row.version, verdict: "disputed" })).rejects.toThrow(
      /Reopen it/,
    );
    await expect(annotate("reviewer", "on Tuesday", "unsourced")).rejects.toThrow(/Reopen it/);
    expect(await code(submitReview(await viewerOf(desk.reviewer), round.id))).toBe("409:");
    expect(await code(submitReview(await viewerOf(desk.editor), round.id))).toBe("403:");
    expect(await code(submitReview(await viewerOf((await makeDesk(db)).reviewer), round.id))).toBe("404:");

    await reopenReview(await viewerOf(desk.reviewer), round.id);
    const reopened = await db.annotation.findUniqueOrThrow({ where: { id: a.id } });
    expect(reopened.status).toBe("draft");
    expect(await code(updateClaim(await viewerOf(desk.reviewer), a.id, { version: reopened.version, verdict: "disputed" }))).toBe("ok");
    // Editors may not touch a reviewer's blind work: for them it does not exist yet (404, as another team's claim).
    const now = await db.annotation.findUniqueOrThrow({ where: { id: a.id } });
    expect(await code(updateClaim(await viewerOf(desk.editor), a.id, { version: now.version, verdict: "verified" }))).toBe("404:");
    expect(await code(reopenReview(await viewerOf(desk.reviewer), round.id))).toBe("409:");
  });
});

describe("the reveal", () => {
  it("happens when the last reviewer submits, clusters the work and freezes it", async () => {
    await annotate("reviewer", "inflation fell to 3 percent", "disputed"); // verdict conflict
    await annotate("reviewer2", "inflation fell to 3 percent", "verified");
    await annotate("reviewer", "Exports rose by 12 percent", "verified"); // boundary only
    const b2 = await annotate("reviewer2", "Exports rose by 12 percent, the ministry claimed", "verified");
    await annotate("reviewer", "on Tuesday", "unsourced"); // agreed
    await annotate("reviewer2", "on Tuesday", "unsourced");
    await annotate("reviewer2", "The minister", "verified"); // single reviewer, touches nothing of the other's
    await submitReview(await viewerOf(desk.reviewer), round.id);
    const last = await submitReview(await viewerOf(desk.reviewer2), round.id);
    expect(last.status).toBe("revealed");

    const detail = await getRound(await viewerOf(desk.editor), round.id);
    expect(detail.clusters.map((c) => [c.number, c.kind, c.members.length])).toEqual([
      [1, "single_reviewer", 1],
      [2, "verdict_conflict", 2],
      [3, "boundary_only", 2],
      [4, "agreed", 2],
    ]);
    expect(detail.clusters[1]!.members.map((m) => m.verdict).sort()).toEqual(["disputed", "verified"]);
    // Everybody in the team sees revealed work now, and nobody can change it.
    expect(await listClaims(await viewerOf(desk.editor), desk.article.id)).toHaveLength(7);
    const frozen = await db.annotation.findUniqueOrThrow({ where: { id: b2.id } });
    await expect(deleteClaim(await viewerOf(desk.reviewer2), b2.id, frozen.version)).rejects.toThrow(/frozen/);
    expect(await code(reopenReview(await viewerOf(desk.reviewer), round.id))).toBe("409:");
    expect(await db.auditEvent.count({ where: { objectId: round.id, action: "round.reveal" } })).toBe(1);
  });

  it("lets an editor end the blind phase early; unsubmitted drafts stay out, a stale version gets 409", async () => {
    await annotate("reviewer", "inflation fell", "disputed");
    await annotate("reviewer2", "inflation fell", "verified");
    await submitReview(await viewerOf(desk.reviewer), round.id);
    expect(await code(revealRound(await viewerOf(desk.editor), round.id, round.version))).toBe("409:");
    expect(await code(revealRound(await viewerOf(desk.reviewer), round.id, round.version + 1))).toBe("403:");
    const revealed = await revealRound(await viewerOf(desk.editor), round.id, round.version + 1);
    expect(revealed.status).toBe("revealed");
    const detail = await getRound(await viewerOf(desk.editor), round.id);
    expect(detail.clusters.map((c) => [c.kind, c.members.map((m) => m.reviewer.id)])).toEqual([["single_reviewer", [desk.reviewer.id]]]);
    expect(await code(revealRound(await viewerOf(desk.editor), round.id, revealed.version))).toBe("409:");
  });
});

describe("a reveal that makes no cluster", () => {
  it("adjudicates the round at once, so it can be closed and the article reviewed again", async () => {
    await annotate("reviewer", "inflation fell", "disputed"); // a draft: never submitted, so never clustered
    const revealed = await revealRound(await viewerOf(desk.editor), round.id, round.version);
    expect(revealed).toMatchObject({ status: "adjudicated", clusterCounts: { total: 0, open: 0 }, version: round.version + 1 });
    expect(revealed.adjudicatedAt).not.toBeNull();
    expect(revealed.adjudicatedAt).toBe(revealed.revealedAt);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: round.id, action: "round.reveal" } });
    expect(audit.after).toMatchObject({ status: "adjudicated", clusters: [] });

    expect(
      await code(
        startRound(await viewerOf(desk.editor), {
          articleId: desk.article.id,
          reviewerIds: [desk.reviewer.id],
          adjudicatorId: desk.editor.id,
        }),
      ),
    ).toBe("ok");
    expect((await closeRound(await viewerOf(desk.editor), round.id, revealed.version)).status).toBe("closed");
  });

  it("adjudicates it too when every reviewer submits an empty review", async () => {
    await submitReview(await viewerOf(desk.reviewer), round.id);
    const last = await submitReview(await viewerOf(desk.reviewer2), round.id);
    expect(last.status).toBe("adjudicated");
    const row = await db.reviewRound.findUniqueOrThrow({ where: { id: round.id } });
    expect(row.adjudicatedAt?.getTime()).toBe(row.revealedAt?.getTime());
    expect((await closeRound(await viewerOf(desk.editor), round.id, last.version)).status).toBe("closed");
  });

  it("still leaves a round with clusters revealed until they are decided", async () => {
    await annotate("reviewer", "on Tuesday", "unsourced");
    await submitReview(await viewerOf(desk.reviewer), round.id);
    const last = await submitReview(await viewerOf(desk.reviewer2), round.id);
    expect(last).toMatchObject({ status: "revealed", adjudicatedAt: null, clusterCounts: { total: 1, open: 1 } });
  });
});

describe("whether the article offers to start a blind review (canStart)", () => {
  /** canStart for the editor and for the round's reviewer, in that order. */
  const canStart = async (d = desk) => [
    (await getArticleRound(await viewerOf(d.editor), d.article.id)).canStart,
    (await getArticleRound(await viewerOf(d.reviewer), d.article.id)).canStart,
  ];

  it("is true for an editor only while no round of the article is open or revealed, and never for a reviewer", async () => {
    const fresh = await makeDesk(db, TEXT);
    expect(await canStart(fresh)).toEqual([true, false]);

    expect(await canStart()).toEqual([false, false]); // open
    await annotate("reviewer", "on Tuesday", "unsourced");
    await submitReview(await viewerOf(desk.reviewer), round.id);
    expect((await submitReview(await viewerOf(desk.reviewer2), round.id)).status).toBe("revealed");
    expect(await canStart()).toEqual([false, false]);

    const [cluster] = (await getRound(await viewerOf(desk.editor), round.id)).clusters;
    await decideCluster(await viewerOf(desk.editor), cluster!.id, {
      action: "reject",
      version: cluster!.version,
      rationale: "<p>A date, not a claim.</p>",
    });
    const adjudicated = await getRound(await viewerOf(desk.editor), round.id);
    expect(adjudicated.status).toBe("adjudicated");
    expect(await canStart()).toEqual([true, false]);
    expect((await closeRound(await viewerOf(desk.editor), round.id, adjudicated.version)).status).toBe("closed");
    expect(await canStart()).toEqual([true, false]);
  });
});
