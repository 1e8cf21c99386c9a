import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sliceCodePoints } from "@/lib/anchoring/offsets";
import { eventBus } from "@/lib/events/event-bus";
import type { LiveEvent } from "@/lib/events/live-event";
import { correctArticle } from "@/lib/server/articles/correct-article";
import { listFinalClaims } from "@/lib/server/claims/list-final-claims";
import { placeFinalClaimAnchor } from "@/lib/server/claims/place-final-claim-anchor";
import { getRound } from "@/lib/server/reviews/get-round";
import { getRoundAgreement } from "@/lib/server/reviews/get-round-agreement";
import { createComment } from "@/lib/server/comments/create-comment";
import { listComments } from "@/lib/server/comments/list-comments";
import { loadReport } from "@/lib/server/reports/load-report";
import { findPhrase } from "@/seeds/evidence-factories";
import { deskRound } from "@/seeds/review-factories";
import { roundVersionNote } from "@/components/review/round-version-note";
import { errorCode } from "../support/error-code";
import { makeDesk } from "../support/actors";
import { makeClosedRound } from "../support/closed-round";
import { loadVisibility, viewerOf } from "@/lib/server/visibility/viewer";

const SEED = readFileSync(new URL("../../seeds/articles/000_adab854ca7d5bdf4.txt", import.meta.url), "utf8");
const MADRID = "the NATO summit in Madrid in June 2022";
const AID = "Mr Stoltenberg also called on Seoul to increase aid to Ukraine";
const VISIT = "after a one-day visit to South Korea";
const TANKS = "hundreds of tanks, fighter jets and weapons to NATO member Poland";
/** What the correction writes: Madrid's words are gone (orphaned), the aid claim's are edited (drifted). */
const SPAIN = "the alliance gathering held in Spain";
const AID_EDITED = "Mr Stoltenberg also called on Seoul to increase its aid to Ukraine";
const BASE = "http://claimdesk.test";

let desk: Awaited<ReturnType<typeof makeDesk>>;
let other: Awaited<ReturnType<typeof makeDesk>>;

beforeEach(async () => {
  desk = await makeDesk(db, SEED);
  other = await makeDesk(db, SEED);
});

/** A closed round with a final claim on each phrase (TANKS rejected after its accept: a tombstone), then a correction. */
async function correctedRound() {
  const { round, claims } = await makeClosedRound(db, desk, [MADRID, AID, VISIT, TANKS], TANKS);
  const text = desk.version.text.replace(MADRID, SPAIN).replace("increase aid", "increase its aid");
  await correctArticle(desk.editor, desk.article.id, { version: 1, text });
  const rows = Object.fromEntries(
    (await db.claim.findMany({ where: { id: { in: Object.values(claims).map((c) => c.id) } } })).map((r) => [r.exact, r]),
  );
  const [orphan, drifted] = [rows[MADRID]!, rows[AID_EDITED]!];
  expect(orphan).toMatchObject({ anchorState: "orphaned", start: 0, end: 0 });
  expect(drifted).toMatchObject({ anchorState: "drifted" });
  return { round, text, orphan, drifted, visit: rows[VISIT]!, tombstone: rows[TANKS]! };
}

const claimRow = (id: string) => db.claim.findUniqueOrThrow({ where: { id } });

describe("PATCH /api/final-claims/{id}/anchor (placeFinalClaimAnchor)", () => {
  it("confirms a drifted final claim where the correction put it: anchored, audited, announced", async () => {
    const { drifted, text } = await correctedRound();
    const seen: LiveEvent[] = [];
    await eventBus().ready();
    const off = eventBus().subscribe((e) => void (e.team === desk.team.id && seen.push(e)));
    try {
      const claim = await placeFinalClaimAnchor(await viewerOf(desk.editor), drifted.id, { version: drifted.version, confirm: true });
      expect(claim).toMatchObject({
        id: drifted.id,
        source: "round",
        anchorState: "anchored",
        anchorScore: null,
        exact: AID_EDITED,
        version: drifted.version + 1,
      });
      expect(sliceCodePoints(text, claim.start, claim.end)).toBe(AID_EDITED);
      await expect.poll(() => seen.map((e) => [e.kind, e.article, e.id])).toContainEqual(["cluster", desk.article.id, drifted.clusterId]);
    } finally {
      off();
    }
    expect(await claimRow(drifted.id)).toMatchObject({
      anchorState: "anchored",
      anchorScore: null,
      start: drifted.start,
      end: drifted.end,
      version: drifted.version + 1,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: drifted.id, action: "claim.anchor.confirm" } });
    expect(audit).toMatchObject({ objectType: "claim", actorId: desk.editor.id, teamId: desk.team.id });
    expect(audit.before).toMatchObject({ anchorState: "drifted", version: drifted.version });
    expect(audit.after).toMatchObject({ anchorState: "anchored", anchorScore: null, version: drifted.version + 1 });
    const listed = (await listFinalClaims(await loadVisibility(desk.editor), desk.article.id)).find((c) => c.id === drifted.id);
    expect(listed).toMatchObject({ anchorState: "anchored", anchorScore: null });
  });

  it("re-places an orphaned final claim on selected words, with selectors the server computes", async () => {
    const { orphan, visit, text } = await correctedRound();
    expect((await listFinalClaims(await loadVisibility(desk.editor), desk.article.id)).at(-1)!.id).toBe(orphan.id);
    const span = findPhrase(text, SPAIN);
    const claim = await placeFinalClaimAnchor(await viewerOf(desk.editor), orphan.id, { version: orphan.version, ...span });
    const at = text.indexOf(SPAIN);
    const placed = {
      start: span.start,
      end: span.end,
      exact: SPAIN,
      prefix: text.slice(at - 32, at),
      suffix: text.slice(at + SPAIN.length, at + SPAIN.length + 32),
      anchorState: "anchored",
      anchorScore: null,
    };
    expect(claim).toMatchObject({ ...placed, version: orphan.version + 1 });
    expect(await claimRow(orphan.id)).toMatchObject(placed);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: orphan.id, action: "claim.anchor.place" } });
    expect(audit.before).toMatchObject({ anchorState: "orphaned", exact: MADRID, start: 0, end: 0 });
    expect(audit.after).toMatchObject({ anchorState: "anchored", exact: SPAIN, start: span.start });
    // No longer an orphan: listed in text order, and the report highlights it at its new words.
    expect((await listFinalClaims(await loadVisibility(desk.editor), desk.article.id)).map((c) => c.exact)).toEqual([
      AID_EDITED,
      VISIT,
      SPAIN,
    ]);
    const report = await loadReport(await loadVisibility(desk.editor), desk.article.id, { baseUrl: BASE });
    expect(report.claims.find((c) => c.id === orphan.id)).toMatchObject({
      anchorState: "anchored",
      start: span.start,
      end: span.end,
      exact: SPAIN,
    });
    expect(visit.anchorState).toBe("moved");
  });

  it("refuses a stale version (409 with the current claim), a reviewer (403), another team and a tombstone (404), and bad requests (400 naming the field)", async () => {
    const { orphan, drifted, tombstone, text } = await correctedRound();
    const stale = await placeFinalClaimAnchor(await viewerOf(desk.editor), drifted.id, {
      version: drifted.version - 1,
      confirm: true,
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect(stale).toMatchObject({
      status: 409,
      current: { id: drifted.id, version: drifted.version, anchorState: "drifted", exact: AID_EDITED },
    });
    expect(
      await errorCode(placeFinalClaimAnchor(await viewerOf(desk.reviewer), drifted.id, { version: drifted.version, confirm: true })),
    ).toBe("403:");
    expect(
      await errorCode(placeFinalClaimAnchor(await viewerOf(other.editor), drifted.id, { version: drifted.version, confirm: true })),
    ).toBe("404:");
    expect(
      await errorCode(placeFinalClaimAnchor(await viewerOf(desk.editor), tombstone.id, { version: tombstone.version, confirm: true })),
    ).toBe("404:");
    expect(await errorCode(placeFinalClaimAnchor(await viewerOf(desk.editor), orphan.id, { version: orphan.version, confirm: true }))).toBe(
      "400:confirm",
    );
    expect(
      await errorCode(placeFinalClaimAnchor(await viewerOf(desk.editor), orphan.id, { version: orphan.version, start: 0, end: 9_999_999 })),
    ).toBe("400:end");
    const space = findPhrase(text, " the alliance");
    expect(
      await errorCode(
        placeFinalClaimAnchor(await viewerOf(desk.editor), orphan.id, {
          version: orphan.version,
          start: space.start,
          end: space.start + 1,
        }),
      ),
    ).toBe("400:start");
    expect(await claimRow(orphan.id)).toMatchObject({ anchorState: "orphaned", start: 0, end: 0, exact: MADRID, version: orphan.version });
    expect(await claimRow(drifted.id)).toMatchObject({ anchorState: "drifted", version: drifted.version });
    expect(
      await db.auditEvent.count({ where: { objectId: { in: [orphan.id, drifted.id] }, action: { startsWith: "claim.anchor" } } }),
    ).toBe(0);
  });

  it("an editor reviewing the article blind may not settle its final claims (403)", async () => {
    const { drifted } = await correctedRound();
    const v2 = await db.articleVersion.findFirstOrThrow({ where: { articleId: desk.article.id, number: 2 } });
    await deskRound(db, { team: desk.team, version: v2, editor: desk.editor, reviewers: [desk.editor] });
    expect(
      await errorCode(placeFinalClaimAnchor(await viewerOf(desk.editor), drifted.id, { version: drifted.version, confirm: true })),
    ).toBe("403:");
    expect((await claimRow(drifted.id)).anchorState).toBe("drifted");
  });
});

describe("the round page (getRound) after a correction", () => {
  it("draws on the version the round's claims are on now, clusters at their members' new words, and says which version was reviewed", async () => {
    const { round: closed } = await makeClosedRound(db, desk, [MADRID, AID, VISIT, TANKS], TANKS);
    const before = await getRound(await viewerOf(desk.editor), closed.id);
    expect(before).toMatchObject({ text: desk.version.text, textVersion: { id: desk.version.id, number: 1, reviewedNumber: 1 } });
    expect(roundVersionNote(before)).toBeNull();
    for (const c of before.clusters) expect(sliceCodePoints(before.text, c.start, c.end)).toBe(c.members[0]!.exact);

    const text = desk.version.text.replace(MADRID, SPAIN).replace("increase aid", "increase its aid");
    await correctArticle(desk.editor, desk.article.id, { version: 1, text });
    const v2 = await db.articleVersion.findFirstOrThrow({ where: { articleId: desk.article.id, number: 2 } });
    const after = await getRound(await viewerOf(desk.reviewer), closed.id);
    expect(after).toMatchObject({ versionId: desk.version.id, text, textVersion: { id: v2.id, number: 2, reviewedNumber: 1 } });
    expect(roundVersionNote(after)).toBe("This round reviewed version 1; a correction has since moved its claims to version 2.");
    // Clusters in text order on the reviewed version; each drawn where its members are now (a rejected one too), the orphaned one nowhere.
    const shown = Object.fromEntries(
      after.clusters.map((c) => [before.clusters.find((b) => b.id === c.id)!.members[0]!.exact, sliceCodePoints(text, c.start, c.end)]),
    );
    expect(shown).toEqual({ [AID]: AID_EDITED, [VISIT]: VISIT, [TANKS]: TANKS, [MADRID]: "" });
    expect(after.clusters.find((c) => c.status === "rejected")!.claim).toBeNull();
    for (const m of after.clusters.flatMap((c) => c.members))
      if (m.end > m.start) expect(sliceCodePoints(text, m.start, m.end)).toBe(m.exact);
    // The stored cluster spans stay the record of what was reviewed, on version 1.
    for (const row of await db.cluster.findMany({ where: { roundId: closed.id } })) {
      const was = before.clusters.find((b) => b.id === row.id)!;
      expect([row.start, row.end]).toEqual([was.start, was.end]);
    }
    // The round report draws on the same version.
    expect((await loadReport(await loadVisibility(desk.editor), desk.article.id, { baseUrl: BASE, roundId: closed.id })).version.id).toBe(
      v2.id,
    );
  });
});

describe("blind review hides the outcome from the reviewer", () => {
  it("lists no final claims and reports none to a reviewer in their own open round on the article; others see them", async () => {
    const { round: closed } = await makeClosedRound(db, desk, [MADRID, AID, VISIT]);
    const version = { ...desk.version, articleId: desk.article.id };
    const blind = await deskRound(db, { team: desk.team, version, editor: desk.editor, reviewers: [desk.reviewer] });
    const exacts = [AID, VISIT, MADRID];
    const list = async (viewer: typeof desk.editor) =>
      listFinalClaims(await loadVisibility(viewer), desk.article.id).then((l) => l.map((c) => c.exact));

    expect(await list(desk.reviewer)).toEqual([]);
    expect(await list(desk.reviewer2)).toEqual(exacts);
    expect(await list(desk.editor)).toEqual(exacts);
    expect(await errorCode(listFinalClaims(await loadVisibility(other.reviewer), desk.article.id))).toBe("404:");

    const report = await loadReport(await loadVisibility(desk.reviewer), desk.article.id, { baseUrl: BASE });
    expect(report.claims).toEqual([]);
    expect(report.summary.total).toBe(0);
    const roundReport = await loadReport(await loadVisibility(desk.reviewer), desk.article.id, { baseUrl: BASE, roundId: closed.id });
    expect(roundReport.claims).toEqual([]);
    expect(roundReport.summary.roundAgreement).toBeNull();
    expect((await loadReport(await loadVisibility(desk.reviewer2), desk.article.id, { baseUrl: BASE })).claims.map((c) => c.exact)).toEqual(
      exacts,
    );
    expect(
      (await loadReport(await loadVisibility(desk.reviewer2), desk.article.id, { baseUrl: BASE, roundId: closed.id })).claims,
    ).toHaveLength(3);

    // Once the reviewer's round is revealed, the outcome is theirs to read again.
    await db.reviewRound.update({ where: { id: blind.id }, data: { status: "revealed", revealedAt: new Date() } });
    expect(await list(desk.reviewer)).toEqual(exacts);
  });

  it("closes an earlier round's page, agreement and discussions to a reviewer reviewing the article blind, until their round is revealed", async () => {
    const { round: closed } = await makeClosedRound(db, desk, [MADRID, AID, VISIT]);
    const cluster = await db.cluster.findFirstOrThrow({ where: { roundId: closed.id } });
    const claim = await db.claim.findFirstOrThrow({ where: { clusterId: cluster.id } });
    await createComment(await viewerOf(desk.editor), { clusterId: cluster.id, body: "<p>Checked against the transcript.</p>" });
    const version = { ...desk.version, articleId: desk.article.id };
    const blind = await deskRound(db, { team: desk.team, version, editor: desk.editor, reviewers: [desk.reviewer] });

    // Thunks, called one at a time: a refused call's rejection is always awaited, never left unhandled.
    const refused = [
      async () => getRound(await viewerOf(desk.reviewer), closed.id),
      async () => getRoundAgreement(await viewerOf(desk.reviewer), closed.id),
      async () => listComments(await viewerOf(desk.reviewer), { clusterId: cluster.id }),
      async () => listComments(await viewerOf(desk.reviewer), { claimId: claim.id }),
      async () => createComment(await viewerOf(desk.reviewer), { claimId: claim.id, body: "<p>Peeking.</p>" }),
    ];
    for (const call of refused) expect(await errorCode(call())).toBe("403:");
    expect(await db.comment.count({ where: { claimId: claim.id } })).toBe(0);
    // Everyone else still reads them.
    expect((await getRound(await viewerOf(desk.reviewer2), closed.id)).clusters).toHaveLength(3);
    expect(await listComments(await viewerOf(desk.editor), { clusterId: cluster.id })).toHaveLength(1);
    expect(await errorCode(getRoundAgreement(await viewerOf(desk.reviewer2), closed.id))).toBe("ok");

    await db.reviewRound.update({ where: { id: blind.id }, data: { status: "revealed", revealedAt: new Date() } });
    expect((await getRound(await viewerOf(desk.reviewer), closed.id)).clusters).toHaveLength(3);
    expect(await listComments(await viewerOf(desk.reviewer), { clusterId: cluster.id })).toHaveLength(1);
  });
});
