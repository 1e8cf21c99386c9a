import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type AppError } from "@/lib/errors";
import { createClaim } from "@/lib/server/claims/create-claim";
import { listFinalClaims } from "@/lib/server/claims/list-final-claims";
import { startRound } from "@/lib/server/reviews/start-round";
import { submitReview } from "@/lib/server/reviews/submit-review";
import { getRound } from "@/lib/server/reviews/get-round";
import { decideCluster } from "@/lib/server/reviews/decide-cluster";
import { acceptAgreedClusters } from "@/lib/server/reviews/accept-agreed-clusters";
import { closeRound } from "@/lib/server/reviews/close-round";
import { getArticleRound } from "@/lib/server/reviews/get-article-round";
import { getRoundAgreement } from "@/lib/server/reviews/get-round-agreement";
import { getTeamAgreement } from "@/lib/server/reviews/get-team-agreement";
import { createComment } from "@/lib/server/comments/create-comment";
import { listComments } from "@/lib/server/comments/list-comments";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/server/notifications/mark-notifications-read";
import { createArticle } from "@/seeds/factories";
import { makeDesk, makeMember } from "../support/actors";
import { errorCode } from "../support/error-code";
import { loadVisibility, viewerOf } from "@/lib/server/visibility/viewer";

const TEXT = "The minister said inflation fell to 3 percent in May.\nExports rose by 12 percent, the ministry claimed on Tuesday.";
const span = (phrase: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });
const code = errorCode;

type Desk = Awaited<ReturnType<typeof makeDesk>>;
let desk: Desk;
let roundId: string;
/**
 * A revealed round (on a fresh desk, or on the desk given): cluster 1 verdict
 * conflict, 2 boundary-only, 3 agreed. Reviewer 1's boundary annotation cites an evidence item.
 */
async function revealedRound(on?: Desk) {
  desk = on ?? (await makeDesk(db, TEXT));
  const round = await startRound(await viewerOf(desk.editor), {
    articleId: desk.article.id,
    reviewerIds: [desk.reviewer.id, desk.reviewer2.id],
    adjudicatorId: desk.editor.id,
  });
  roundId = round.id;
  const add = (who: "reviewer" | "reviewer2", phrase: string, verdict: "verified" | "disputed" | "unsourced", rationale?: string) =>
    createClaim(desk[who], desk.article.id, { versionId: desk.version.id, ...span(phrase), verdict, rationale });
  await add("reviewer", "inflation fell to 3 percent", "disputed", "<p>CPI says 3.4</p>");
  await add("reviewer2", "inflation fell to 3 percent", "verified");
  const boundary = await add("reviewer", "Exports rose by 12 percent", "verified", "<p>Customs data</p>");
  await add("reviewer2", "Exports rose by 12 percent, the ministry claimed", "verified");
  await add("reviewer", "on Tuesday", "unsourced");
  await add("reviewer2", "on Tuesday", "unsourced");
  const item = await db.evidenceItem.create({
    data: { teamId: desk.team.id, kind: "dataset", title: "Customs statistics 2023", url: "https://example.org/customs" },
  });
  await db.evidenceLink.create({
    data: { teamId: desk.team.id, evidenceId: item.id, annotationId: boundary.id, stance: "supports", pinpoint: "Table 4" },
  });
  await submitReview(await viewerOf(desk.reviewer), round.id);
  await submitReview(await viewerOf(desk.reviewer2), round.id);
  return (await getRound(await viewerOf(desk.editor), round.id)).clusters;
}

/** Another revealed round of the same team, on a second article; the current desk and round stay as they were. */
async function revealedRoundElsewhere() {
  const [keepDesk, keepRound] = [desk, roundId];
  const article = await createArticle(db, { team: desk.team, text: TEXT, meta: { title: "Second article" } });
  try {
    return await revealedRound({ ...desk, article, version: article.versions[0]! });
  } finally {
    [desk, roundId] = [keepDesk, keepRound];
  }
}

let clusters: Awaited<ReturnType<typeof revealedRound>>;
beforeEach(async () => {
  clusters = await revealedRound();
});

describe("adjudication", () => {
  it("needs a rationale for every non-agreed cluster and for rejections, naming the field", async () => {
    const [conflict, boundary, agreed] = clusters;
    expect([conflict!.kind, boundary!.kind, agreed!.kind]).toEqual(["verdict_conflict", "boundary_only", "agreed"]);
    const accept = { action: "accept" as const, boundary: "union", verdict: "disputed" as const };
    expect(await code(decideCluster(await viewerOf(desk.editor), conflict!.id, { ...accept, version: conflict!.version }))).toBe(
      "400:rationale",
    );
    expect(
      await code(
        decideCluster(await viewerOf(desk.editor), conflict!.id, { ...accept, version: conflict!.version, rationale: "<p> </p>" }),
      ),
    ).toBe("400:rationale");
    expect(await code(decideCluster(await viewerOf(desk.editor), agreed!.id, { action: "reject", version: agreed!.version }))).toBe(
      "400:rationale",
    );
    expect(
      await code(
        decideCluster(await viewerOf(desk.editor), boundary!.id, {
          ...accept,
          boundary: "nope",
          version: boundary!.version,
          rationale: "x",
        }),
      ),
    ).toBe("400:boundary");
    expect(
      await code(
        decideCluster(await viewerOf(desk.editor), boundary!.id, {
          ...accept,
          boundary: "custom",
          start: 0,
          end: 3,
          version: boundary!.version,
          rationale: "x",
        }),
      ),
    ).toBe("400:start");
    expect(
      await code(decideCluster(await viewerOf(desk.reviewer), conflict!.id, { ...accept, version: conflict!.version, rationale: "x" })),
    ).toBe("403:");
    expect(
      await code(
        decideCluster(await viewerOf((await makeDesk(db)).editor), conflict!.id, { ...accept, version: conflict!.version, rationale: "x" }),
      ),
    ).toBe("404:");
    expect(await db.decision.count({ where: { clusterId: { in: clusters.map((c) => c.id) } } })).toBe(0);
  });

  it("turns decisions into final claims with copied evidence, audits them, and adjudicates the round when all are decided", async () => {
    const [conflict, boundary, agreed] = clusters;
    const reviewer1Span = boundary!.members.find((m) => m.reviewer.id === desk.reviewer.id)!;
    const d1 = await decideCluster(await viewerOf(desk.editor), conflict!.id, {
      version: conflict!.version,
      action: "accept",
      boundary: "union",
      verdict: "disputed",
      rationale: "<p>ONS: 3.4 percent</p>",
    });
    expect(d1).toMatchObject({
      status: "decided",
      version: conflict!.version + 1,
      claim: { verdict: "disputed", exact: "inflation fell to 3 percent" },
    });
    await decideCluster(await viewerOf(desk.editor), boundary!.id, {
      version: boundary!.version,
      action: "accept",
      boundary: reviewer1Span.annotationId,
      verdict: "verified",
      rationale: "<p>The attribution is not part of the claim.</p>",
    });
    const bulk = await acceptAgreedClusters(await viewerOf(desk.editor), roundId, [
      { id: agreed!.id, version: agreed!.version },
      { id: conflict!.id, version: d1.version },
    ]);
    expect(bulk.decided.map((c) => c.id)).toEqual([agreed!.id]);
    expect(bulk.skipped.map((s) => s.id)).toEqual([conflict!.id]);

    const round = await getRound(await viewerOf(desk.editor), roundId);
    expect(round.status).toBe("adjudicated");
    const finals = await listFinalClaims(await loadVisibility(desk.editor), desk.article.id);
    expect(finals.map((f) => [f.exact, f.verdict, f.source, f.cluster?.kind])).toEqual([
      ["inflation fell to 3 percent", "disputed", "round", "verdict_conflict"],
      ["Exports rose by 12 percent", "verified", "round", "boundary_only"],
      ["on Tuesday", "unsourced", "round", "agreed"],
    ]);
    expect(finals[1]!.evidence).toEqual([
      expect.objectContaining({
        stance: "supports",
        pinpoint: "Table 4",
        evidence: expect.objectContaining({ title: "Customs statistics 2023", deleted: false }),
      }),
    ]);
    expect(finals[1]!.decision?.rationaleHtml).toContain("attribution");
    expect(finals[1]!.members).toHaveLength(2);
    expect(finals[1]!.prefix.endsWith("May.\n")).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: conflict!.id, action: "cluster.accept" } });
    expect(audit.actorId).toBe(desk.editor.id);
    expect(audit.before).toMatchObject({ status: "open", version: conflict!.version });
    expect(audit.after).toMatchObject({ status: "decided" });

    // Feedback: each reviewer sees how each annotation fared.
    const fb1 = Object.values((await getArticleRound(await viewerOf(desk.reviewer), desk.article.id)).outcomes).map((o) => [
      o.exact,
      o.outcome,
    ]);
    expect(fb1.sort()).toEqual([
      ["Exports rose by 12 percent", "accepted"],
      ["inflation fell to 3 percent", "accepted"],
      ["on Tuesday", "accepted"],
    ]);
    const fb2 = (await getRound(await viewerOf(desk.reviewer2), roundId)).feedback.map((o) => [o.exact, o.outcome]);
    expect(fb2).toEqual([
      ["inflation fell to 3 percent", "changed"],
      ["Exports rose by 12 percent, the ministry claimed", "changed"],
      ["on Tuesday", "accepted"],
    ]);

    const closed = await closeRound(await viewerOf(desk.editor), roundId, round.version);
    expect(closed.status).toBe("closed");
    expect(
      await code(
        decideCluster(await viewerOf(desk.editor), agreed!.id, { version: agreed!.version + 1, action: "reject", rationale: "x" }),
      ),
    ).toBe("403:");
  });

  it("checks every id of a bulk accept first: one cluster outside the round refuses the whole request and decides nothing", async () => {
    const agreed = clusters[2]!;
    const elsewhere = (await revealedRoundElsewhere())[0]!;
    for (const bad of ["no-such-cluster", elsewhere.id]) {
      expect(
        await code(
          acceptAgreedClusters(await viewerOf(desk.editor), roundId, [
            { id: agreed.id, version: agreed.version },
            { id: bad, version: 1 },
          ]),
        ),
      ).toBe("404:");
    }
    expect(await db.decision.count({ where: { clusterId: agreed.id } })).toBe(0);
    expect(await db.claim.count({ where: { clusterId: agreed.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { objectId: agreed.id } })).toBe(0);
    expect((await db.cluster.findUniqueOrThrow({ where: { id: agreed.id } })).status).toBe("open");
    // The same request without the stranger goes through.
    const ok = await acceptAgreedClusters(await viewerOf(desk.editor), roundId, [{ id: agreed.id, version: agreed.version }]);
    expect(ok.decided.map((c) => [c.id, c.status])).toEqual([[agreed.id, "decided"]]);
  });

  it("lets exactly one of two concurrent deciders win; the other gets 409 with the current state and nothing is overwritten", async () => {
    const conflict = clusters[0]!;
    const second = await makeMember(db, desk.team, "editor");
    const results = await Promise.allSettled([
      decideCluster(await viewerOf(desk.editor), conflict.id, {
        version: conflict.version,
        action: "accept",
        boundary: "union",
        verdict: "disputed",
        rationale: "first",
      }),
      decideCluster(await viewerOf(second), conflict.id, {
        version: conflict.version,
        action: "accept",
        boundary: "union",
        verdict: "verified",
        rationale: "second",
      }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as AppError).status).toBe(409);
    const current = (lost[0]!.reason as AppError).current as { status: string; decision: { rationaleHtml: string } };
    expect(current.status).toBe("decided");
    expect(await db.decision.count({ where: { clusterId: conflict.id } })).toBe(1);
    const claim = await db.claim.findUniqueOrThrow({ where: { clusterId: conflict.id } });
    expect(claim.verdict).toBe(current.decision.rationaleHtml.includes("first") ? "disputed" : "verified");
  });

  it("keeps decisions append-only: a re-decision adds a row, a rejection tombstones the claim", async () => {
    const agreed = clusters[2]!;
    const first = await decideCluster(await viewerOf(desk.editor), agreed.id, {
      version: agreed.version,
      action: "accept",
      boundary: agreed.members[0]!.annotationId,
      verdict: "unsourced",
    });
    const rejected = await decideCluster(await viewerOf(desk.editor), agreed.id, {
      version: first.version,
      action: "reject",
      rationale: "<p>A date is not a claim.</p>",
    });
    expect(rejected.status).toBe("rejected");
    expect(rejected.history.map((d) => d.action)).toEqual(["accept", "reject"]);
    expect(rejected.claim).toBeNull();
    expect((await listFinalClaims(await loadVisibility(desk.editor), desk.article.id)).map((f) => f.exact)).not.toContain("on Tuesday");
    expect(await db.claim.count({ where: { clusterId: agreed.id } })).toBe(1);
  });
});

describe("final claims outside rounds", () => {
  it("are editors' annotations made outside a round, not reviewers'", async () => {
    const fresh = await makeDesk(db, TEXT);
    await createClaim(fresh.editor, fresh.article.id, { versionId: fresh.version.id, ...span("Exports rose"), verdict: "verified" });
    await createClaim(fresh.reviewer, fresh.article.id, { versionId: fresh.version.id, ...span("on Tuesday"), verdict: "unsourced" });
    const finals = await listFinalClaims(await loadVisibility(fresh.editor), fresh.article.id);
    expect(finals.map((f) => [f.exact, f.source, f.author?.id])).toEqual([["Exports rose", "editor", fresh.editor.id]]);
    await expect(listFinalClaims(await loadVisibility(desk.editor), fresh.article.id)).rejects.toThrow(/not found/i);
  });
});

describe("agreement", () => {
  it("computes alpha, span F1 and the pairwise matrix of a revealed round, and the team's series", async () => {
    const a = await getRoundAgreement(await viewerOf(desk.editor), roundId);
    // Units: (disputed, verified), (verified, verified), (unsourced, unsourced).
    // n_d=1, n_v=3, n_u=2, n=6; Σ_{c≠k} o = 2; Σ_{c≠k} n_c n_k = 2(3+2+6) = 22; α = 1 − 5·2/22.
    expect(a.matchedClusters).toBe(3);
    expect(a.verdicts.alpha).toBeCloseTo(1 - 10 / 22, 10);
    expect(a.pairs).toHaveLength(1);
    expect(a.pairs[0]).toMatchObject({ matched: 3, sameVerdict: 2 });
    const r1 = [span("inflation fell to 3 percent"), span("Exports rose by 12 percent"), span("on Tuesday")];
    const chars1 = r1.reduce((s, x) => s + x.end - x.start, 0);
    const longer = span("Exports rose by 12 percent, the ministry claimed");
    const chars2 = chars1 - (r1[1]!.end - r1[1]!.start) + (longer.end - longer.start);
    expect(a.pairs[0]!.spans).toEqual({ charsA: chars1, charsB: chars2, both: chars1, f1: (2 * chars1) / (chars1 + chars2) });
    const series = await getTeamAgreement(await viewerOf(desk.editor));
    expect(series).toEqual([expect.objectContaining({ roundId, matchedClusters: 3, reviewers: 2 })]);
  });
});

describe("the team's agreement series", () => {
  const DAY = 86_400_000;

  it("runs oldest first by reveal time", async () => {
    // Started second but revealed three days before the round of beforeEach.
    const earlier = (await revealedRoundElsewhere())[0]!.roundId;
    const threeDaysAgo = new Date(Date.now() - 3 * DAY);
    await db.reviewRound.update({ where: { id: earlier }, data: { revealedAt: threeDaysAgo } });
    const series = await getTeamAgreement(await viewerOf(desk.editor));
    expect(series.map((p) => p.roundId)).toEqual([earlier, roundId]);
    expect(series[0]!.revealedAt).toBe(threeDaysAgo.toISOString());
    expect(Date.parse(series[1]!.revealedAt)).toBeGreaterThan(threeDaysAgo.getTime());
  });

  it("shows the newest 500 rounds when there are more, still oldest first", async () => {
    // 500 older rounds (revealed 1..500 days ago, without clusters), plus the round of beforeEach, revealed now.
    const ids = Array.from({ length: 500 }, (_v, i) => `old-${desk.team.id}-${i}`);
    await db.reviewRound.createMany({
      data: ids.map((id, i) => ({
        id,
        teamId: desk.team.id,
        articleId: desk.article.id,
        versionId: desk.version.id,
        createdById: desk.editor.id,
        adjudicatorId: desk.editor.id,
        status: "closed" as const,
        revealedAt: new Date(Date.now() - (i + 1) * DAY),
        adjudicatedAt: new Date(Date.now() - (i + 1) * DAY),
      })),
    });
    const series = await getTeamAgreement(await viewerOf(desk.editor));
    expect(series).toHaveLength(500);
    expect(series[series.length - 1]!.roundId).toBe(roundId);
    expect(series.map((p) => p.roundId)).not.toContain(ids[499]); // the oldest one drops out
    expect(series[0]!.roundId).toBe(ids[498]);
    const times = series.map((p) => Date.parse(p.revealedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe("discussion", () => {
  it("threads comments on a cluster, sanitizes them and notifies @-mentioned teammates", async () => {
    const cluster = clusters[0]!;
    const named = await db.user.findUniqueOrThrow({ where: { id: desk.reviewer2.id } });
    const handle = named.email.split("@")[0];
    const c = await createComment(await viewerOf(desk.editor), {
      clusterId: cluster.id,
      body: `<p>@${handle} which CPI series?</p><img src=x onerror=alert(1)>`,
    });
    expect(c.bodyHtml).toBe(`<p>@${handle} which CPI series?</p>`);
    expect(c.mentions.map((m) => m.id)).toEqual([desk.reviewer2.id]);
    expect((await listComments(await viewerOf(desk.reviewer), { clusterId: cluster.id })).map((x) => x.id)).toEqual([c.id]);
    const inbox = await listNotifications(await viewerOf(desk.reviewer2));
    expect(inbox.unread).toBe(2); // the assignment and the mention
    expect(inbox.items[0]).toMatchObject({
      kind: "mention",
      url: `/reviews/${roundId}?cluster=${cluster.id}&discuss=1&comment=${c.id}#cluster-card-${cluster.id}`,
    });
    expect((await markNotificationsRead(await viewerOf(desk.reviewer2))).unread).toBe(0);
    expect(await code(createComment(await viewerOf(desk.editor), { clusterId: cluster.id, body: "<p> </p>" }))).toBe("400:body");
    expect(await code(createComment(await viewerOf((await makeDesk(db)).editor), { clusterId: cluster.id, body: "hi" }))).toBe("404:");
  });
});
