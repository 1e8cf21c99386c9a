import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decideCluster } from "@/lib/server/reviews/decide-cluster";
import { annotateInRound, decideForTest, deskRound, revealForTest, submitInRound } from "@/seeds/review-factories";
import { makeDesk } from "../support/actors";
import { viewerOf } from "@/lib/server/visibility/viewer";

const TEXT = "The minister said inflation fell to 3 percent in May.\nExports rose by 12 percent, the ministry claimed on Tuesday.";
const DAY = 86_400_000;

/** A revealed round written by the factories: cluster 1 verdict conflict, cluster 2 agreed. */
async function factoryRound(revealedAt?: Date) {
  const desk = await makeDesk(db, TEXT);
  const { team, version } = desk;
  const round = await deskRound(db, { team, version, editor: desk.editor, reviewers: [desk.reviewer, desk.reviewer2] });
  const mark = (authorId: string, phrase: string, verdict: "verified" | "disputed") =>
    annotateInRound(db, { team, roundId: round.id, version, authorId, phrase, verdict });
  await mark(desk.reviewer.id, "inflation fell to 3 percent", "disputed");
  await mark(desk.reviewer2.id, "inflation fell to 3 percent", "verified");
  await mark(desk.reviewer.id, "Exports rose by 12 percent", "verified");
  await mark(desk.reviewer2.id, "Exports rose by 12 percent", "verified");
  await submitInRound(db, round.id, desk.reviewer.id, revealedAt);
  await submitInRound(db, round.id, desk.reviewer2.id, revealedAt);
  const clusters = await revealForTest(db, { id: round.id, teamId: team.id }, desk.editor.id, revealedAt);
  return { desk, round, clusters };
}

describe("decideForTest", () => {
  it("records the same audit trail as a decision made through the app", async () => {
    const { desk, round, clusters } = await factoryRound();
    const [conflict, agreed] = clusters;
    expect([conflict!.kind, agreed!.kind]).toEqual(["verdict_conflict", "agreed"]);
    await decideForTest(db, {
      team: desk.team,
      cluster: conflict!,
      version: desk.version,
      deciderId: desk.editor.id,
      action: "reject",
      rationaleHtml: "<p>Not a claim.</p>",
    });
    await decideForTest(db, {
      team: desk.team,
      cluster: agreed!,
      version: desk.version,
      deciderId: desk.editor.id,
      action: "accept",
      boundary: agreed!.members[0]!.annotation.id,
      span: { start: agreed!.start, end: agreed!.end },
      verdict: "verified",
    });

    const audits = await Promise.all([conflict!, agreed!].map(async (c) => db.auditEvent.findFirstOrThrow({ where: { objectId: c.id } })));
    expect(await db.auditEvent.count({ where: { objectId: { in: [conflict!.id, agreed!.id] } } })).toBe(2);
    expect(audits.map((a) => [a.objectId, a.action, a.actorId, a.objectType])).toEqual([
      [conflict!.id, "cluster.reject", desk.editor.id, "cluster"],
      [agreed!.id, "cluster.accept", desk.editor.id, "cluster"],
    ]);
    expect(audits[0]!.before).toMatchObject({ status: "open", version: 1, claim: null });
    expect(audits[0]!.after).toMatchObject({ status: "rejected", version: 2, claim: null, roundAdjudicated: false });
    expect(audits[1]!.after).toMatchObject({
      status: "decided",
      version: 2,
      claim: { exact: "Exports rose by 12 percent", verdict: "verified" },
      roundAdjudicated: true,
    });
    expect((await db.reviewRound.findUniqueOrThrow({ where: { id: round.id } })).status).toBe("adjudicated");

    // The same shape as decide-cluster's own audit event.
    const other = await factoryRound();
    const viaApp = other.clusters[1]!;
    await decideCluster(await viewerOf(other.desk.editor), viaApp.id, {
      version: viaApp.version,
      action: "accept",
      boundary: viaApp.members[0]!.annotation.id,
      verdict: "verified",
    });
    const appAudit = await db.auditEvent.findFirstOrThrow({ where: { objectId: viaApp.id } });
    expect(Object.keys(audits[1]!.before as object).sort()).toEqual(Object.keys(appAudit.before as object).sort());
    expect(Object.keys(audits[1]!.after as object).sort()).toEqual(Object.keys(appAudit.after as object).sort());
  });

  it("dates the decisions of a back-dated round after its reveal, not now", async () => {
    const revealedAt = new Date(Date.now() - 7 * DAY);
    const { desk, round, clusters } = await factoryRound(revealedAt);
    for (const cluster of clusters) {
      await decideForTest(db, {
        team: desk.team,
        cluster,
        version: desk.version,
        deciderId: desk.editor.id,
        action: "accept",
        boundary: "union",
        span: { start: cluster.start, end: cluster.end },
        verdict: "verified",
        rationaleHtml: "<p>Checked.</p>",
      });
    }
    const row = await db.reviewRound.findUniqueOrThrow({
      where: { id: round.id },
      include: { clusters: { include: { decisions: true } } },
    });
    expect(row.status).toBe("adjudicated");
    expect(row.revealedAt!.getTime()).toBe(revealedAt.getTime());
    expect(row.adjudicatedAt!.getTime()).toBeGreaterThan(revealedAt.getTime());
    expect(row.adjudicatedAt!.getTime()).toBeLessThan(Date.now() - 6 * DAY);
    const decidedAt = row.clusters.flatMap((c) => c.decisions.map((d) => d.createdAt.getTime()));
    expect(decidedAt.every((t) => t > revealedAt.getTime() && t <= row.adjudicatedAt!.getTime())).toBe(true);
  });
});
