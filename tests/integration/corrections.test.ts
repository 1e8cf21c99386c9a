import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { conflictCurrent, errorCode } from "../support/error-code";
import { sliceCodePoints } from "@/lib/anchoring/offsets";
import { correctArticle } from "@/lib/server/articles/correct-article";
import { listVersions } from "@/lib/server/articles/list-versions";
import { compareVersions } from "@/lib/server/articles/compare-versions";
import { placeClaimAnchor } from "@/lib/server/claims/place-claim-anchor";
import { listClaims } from "@/lib/server/claims/list-claims";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { restoreClaim } from "@/lib/server/claims/restore-claim";
import { applyReanchor, planReanchor } from "@/lib/server/articles/reanchor-claims";
import { versionFields } from "@/lib/server/articles/version-fields";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink, findPhrase } from "@/seeds/evidence-factories";
import { annotateInRound, decideForTest, deskRound, revealForTest, submitInRound } from "@/seeds/review-factories";
import { listFinalClaims } from "@/lib/server/claims/list-final-claims";
import { loadReport } from "@/lib/server/reports/load-report";
import { buildHtml } from "@/lib/export/html";
import { buildMarkdown } from "@/lib/export/markdown";
import { buildClaimReview } from "@/lib/export/claimreview";
import { reportFacts } from "@/lib/export/report-text";
import { makeDesk } from "../support/actors";
import { makeClosedRound } from "../support/closed-round";
import { loadVisibility, viewerOf } from "@/lib/server/visibility/viewer";

const TEXT = [
  "Stoltenberg met Foreign Minister Park Jin in Seoul on Monday. He urged South Korea to send more military aid to Ukraine.",
  "South Korea has a law against supplying weapons to countries at war, officials in Seoul said.",
  "The visit ended in Tokyo, where Stoltenberg met Prime Minister Fumio Kishida.",
].join("\n");

let desk: Awaited<ReturnType<typeof makeDesk>>;
let other: Awaited<ReturnType<typeof makeDesk>>;
const claimOn = (phrase: string, occurrence = 0) =>
  createClaimOnPhrase(db, { team: desk.team, version: desk.version, authorId: desk.reviewer.id, phrase, verdict: "disputed", occurrence });

/** Version 2 of the desk's article, written with the claims' moves as planned, in one transaction (as a correction saves them). */
const saveVersionTwo = (newText: string, plan: Awaited<ReturnType<typeof planReanchor>>) =>
  db.$transaction(async (tx) => {
    const next = await tx.articleVersion.create({
      data: { articleId: desk.article.id, number: 2, ...versionFields(newText), createdById: desk.editor.id },
    });
    return applyReanchor(
      tx,
      { teamId: desk.team.id, actorId: desk.editor.id, articleId: desk.article.id },
      { id: next.id, text: newText },
      plan,
    );
  });

beforeEach(async () => {
  desk = await makeDesk(db, TEXT);
  other = await makeDesk(db, TEXT);
});

describe("correcting an article", () => {
  it("makes a new version, keeps the old one, and moves every claim onto it in place", async () => {
    const near = await claimOn("Foreign Minister Park Jin");
    const after = await claimOn("a law against supplying weapons");
    const own = await claimOn("send more military aid to Ukraine");
    const replaced = await claimOn("South Korea", 0);
    const item = await createEvidenceItem(db, { team: desk.team, title: "Yonhap report" });
    const link = await createEvidenceLink(db, { team: desk.team, evidenceId: item.id, claimId: own.id });

    const newText = TEXT.replace("in Seoul on Monday", "in Seoul on Monday, 30 January").replace(
      "He urged South Korea to send more military aid",
      "He urged Seoul to send much more military aid",
    );
    const { article, reanchored } = await correctArticle(desk.editor, desk.article.id, { version: 1, text: newText });
    expect(reanchored).toEqual({ anchored: 1, moved: 1, drifted: 1, orphaned: 1 });
    expect(article).toMatchObject({ version: 2, currentVersion: { number: 2, text: newText } });

    const versions = await db.articleVersion.findMany({ where: { articleId: desk.article.id }, orderBy: { number: "asc" } });
    expect(versions.map((v) => [v.number, v.text])).toEqual([
      [1, TEXT],
      [2, newText],
    ]);
    const v2 = versions[1]!;
    const rows = Object.fromEntries((await db.annotation.findMany({ where: { articleId: desk.article.id } })).map((r) => [r.id, r]));
    expect(Object.keys(rows).sort()).toEqual([near.id, after.id, own.id, replaced.id].sort());
    for (const r of Object.values(rows)) expect(r.versionId).toBe(v2.id);
    expect(rows[near.id]).toMatchObject({ anchorState: "anchored", exact: "Foreign Minister Park Jin", start: near.start, version: 2 });
    expect(rows[after.id]).toMatchObject({ anchorState: "moved", exact: "a law against supplying weapons" });
    expect(sliceCodePoints(newText, rows[after.id]!.start, rows[after.id]!.end)).toBe("a law against supplying weapons");
    expect(rows[own.id]).toMatchObject({ anchorState: "drifted", exact: "send much more military aid to Ukraine" });
    expect(rows[own.id]!.anchorScore).toBeGreaterThanOrEqual(0.8);
    // Its words are gone; the other "South Korea" (paragraph 2) is never taken instead.
    expect(rows[replaced.id]).toMatchObject({ anchorState: "orphaned", start: 0, end: 0, exact: "South Korea", anchorScore: null });
    expect((await db.evidenceLink.findUniqueOrThrow({ where: { id: link.id } })).annotationId).toBe(own.id);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: own.id, action: "claim.reanchor" } });
    expect(audit.before).toMatchObject({
      versionId: desk.version.id,
      exact: "send more military aid to Ukraine",
      start: own.start,
      end: own.end,
    });
    expect(audit.after).toMatchObject({ versionId: v2.id, state: "drifted" });
    expect(await db.auditEvent.count({ where: { objectId: desk.article.id, action: "article.correct" } })).toBe(1);

    const listed = await listClaims(await viewerOf(desk.reviewer), desk.article.id);
    expect(listed.map((c) => [c.id, c.anchorState]).sort()).toEqual(
      [
        [near.id, "anchored"],
        [after.id, "moved"],
        [own.id, "drifted"],
        [replaced.id, "orphaned"],
      ].sort(),
    );
  });

  it("refuses a stale version with the current article and applies nothing", async () => {
    await correctArticle(desk.editor, desk.article.id, { version: 1, text: `${TEXT}\nA first correction.` });
    expect(
      await conflictCurrent(correctArticle(desk.editor, desk.article.id, { version: 1, text: `${TEXT}\nA competing correction.` })),
    ).toMatchObject({
      version: 2,
      currentVersion: { number: 2 },
    });
    expect(await db.articleVersion.count({ where: { articleId: desk.article.id } })).toBe(2);
  });

  it("lets exactly one of two concurrent corrections win", async () => {
    await claimOn("Fumio Kishida");
    const results = await Promise.all([
      errorCode(correctArticle(desk.editor, desk.article.id, { version: 1, text: TEXT.replace("Monday", "Sunday") })),
      errorCode(correctArticle(desk.editor, desk.article.id, { version: 1, text: TEXT.replace("Tokyo", "Osaka") })),
    ]);
    expect(results.sort()).toEqual(["409:", "ok"]);
    expect(await db.articleVersion.count({ where: { articleId: desk.article.id } })).toBe(2);
    expect((await db.article.findUniqueOrThrow({ where: { id: desk.article.id } })).version).toBe(2);
  });

  it("is for editors of the article's team, and refuses empty, unchanged or oversized text", async () => {
    expect(await errorCode(correctArticle(desk.reviewer, desk.article.id, { version: 1, text: `${TEXT} x` }))).toBe("403:");
    expect(await errorCode(correctArticle(other.editor, desk.article.id, { version: 1, text: `${TEXT} x` }))).toBe("404:");
    expect(await errorCode(correctArticle(desk.editor, desk.article.id, { version: 1, text: " \n " }))).toBe("400:text");
    expect(await errorCode(correctArticle(desk.editor, desk.article.id, { version: 1, text: `  ${TEXT.replace(/\n/g, "\n\n")} ` }))).toBe(
      "400:text",
    );
    expect(await errorCode(correctArticle(desk.editor, desk.article.id, { version: 1, text: "x".repeat(1024 * 1024 + 1) }))).toBe("413:");
    expect(await db.articleVersion.count({ where: { articleId: desk.article.id } })).toBe(1);
  });

  it("refuses control characters other than tab and line breaks, naming the text", async () => {
    for (const bad of ["\u0000", "\u0001", "\u000b", "\u000c", "\u001b", "\u001f"]) {
      expect(
        await errorCode(correctArticle(desk.editor, desk.article.id, { version: 1, text: TEXT.replace("Monday", `Mon${bad}day`) })),
        JSON.stringify(bad),
      ).toBe("400:text");
    }
    await expect(correctArticle(desk.editor, desk.article.id, { version: 1, text: `${TEXT}\nLine\u0007three.` })).rejects.toThrow(
      /U\+0007 on line 4/,
    );
    expect(await db.articleVersion.count({ where: { articleId: desk.article.id } })).toBe(1);
    // Tab and CRLF are text: normalized to a space and LF.
    const { article } = await correctArticle(desk.editor, desk.article.id, {
      version: 1,
      text: TEXT.replace("Monday. He", "Sunday.\tHe").replace(/\n/g, "\r\n"),
    });
    expect(article.currentVersion.text).toBe(TEXT.replace("Monday", "Sunday"));
  });
});

describe("deleted claims and corrections", () => {
  it("delete -> correct -> restore: the restored claim is listed on the current version at its new place", async () => {
    const moved = await claimOn("a law against supplying weapons");
    const edited = await claimOn("send more military aid to Ukraine");
    const live = await claimOn("Fumio Kishida");
    for (const c of [moved, edited]) await deleteClaim(await viewerOf(desk.reviewer), c.id, c.version);

    const newText = `Editor's note: corrected on 31 January.\n${TEXT.replace("send more military aid", "send much more military aid")}`;
    const { reanchored } = await correctArticle(desk.editor, desk.article.id, { version: 1, text: newText });
    // The summary counts what people see: the one live claim.
    expect(reanchored).toEqual({ anchored: 0, moved: 1, drifted: 0, orphaned: 0 });
    expect((await listClaims(await viewerOf(desk.reviewer), desk.article.id)).map((c) => c.id)).toEqual([live.id]);

    const rows = await db.annotation.findMany({ where: { id: { in: [moved.id, edited.id] } } });
    const v2 = await db.articleVersion.findFirstOrThrow({ where: { articleId: desk.article.id, number: 2 } });
    for (const r of rows) expect(r).toMatchObject({ versionId: v2.id, deletedAt: expect.any(Date) });
    expect(await db.auditEvent.count({ where: { objectId: moved.id, action: "claim.reanchor" } })).toBe(1);

    for (const r of rows) await restoreClaim(await viewerOf(desk.reviewer), r.id, r.version);
    const listed = await listClaims(await viewerOf(desk.reviewer), desk.article.id);
    const byId = Object.fromEntries(listed.map((c) => [c.id, c]));
    expect(byId[moved.id]).toMatchObject({ versionId: v2.id, anchorState: "moved", exact: "a law against supplying weapons" });
    expect(sliceCodePoints(newText, byId[moved.id]!.start, byId[moved.id]!.end)).toBe("a law against supplying weapons");
    expect(byId[edited.id]).toMatchObject({ versionId: v2.id, anchorState: "drifted", exact: "send much more military aid to Ukraine" });
    expect(sliceCodePoints(newText, byId[edited.id]!.start, byId[edited.id]!.end)).toBe("send much more military aid to Ukraine");
    // Text order: the live claim (paragraph 4) comes after the two restored ones (paragraphs 2 and 3).
    expect(listed.map((c) => c.id)).toEqual([edited.id, moved.id, live.id]);
  });

  it("a deleted claim cannot be confirmed or re-placed: 404, as if it were not there", async () => {
    const gone = await claimOn("South Korea", 0);
    await correctArticle(desk.editor, desk.article.id, { version: 1, text: TEXT.replace("He urged South Korea", "He urged Seoul") });
    const row = await db.annotation.findUniqueOrThrow({ where: { id: gone.id } });
    expect(row.anchorState).toBe("orphaned");
    const deleted = await deleteClaim(await viewerOf(desk.editor), gone.id, row.version);
    const span = findPhrase(TEXT, "Park Jin");
    expect(await errorCode(placeClaimAnchor(await viewerOf(desk.editor), gone.id, { version: deleted.version, ...span }))).toBe("404:");
    expect((await db.annotation.findUniqueOrThrow({ where: { id: gone.id } })).anchorState).toBe("orphaned");
  });
});

describe("claims changed between the re-anchoring plan and the write", () => {
  it("re-anchors a claim created or edited meanwhile from its current state, keeping the edit", async () => {
    const edited = await claimOn("Foreign Minister Park Jin");
    const newText = `Preface.\n${TEXT}`;
    const plan = await planReanchor({ teamId: desk.team.id, articleId: desk.article.id }, desk.version, newText);
    // After the plan: one claim's verdict changes, another claim is made.
    await db.annotation.update({ where: { id: edited.id }, data: { verdict: "verified", version: { increment: 1 } } });
    const late = await claimOn("Fumio Kishida");
    const summary = await saveVersionTwo(newText, plan);
    expect(summary).toEqual({ anchored: 0, moved: 2, drifted: 0, orphaned: 0 });
    const rows = Object.fromEntries((await db.annotation.findMany({ where: { articleId: desk.article.id } })).map((r) => [r.id, r]));
    expect(rows[edited.id]).toMatchObject({ verdict: "verified", anchorState: "moved", version: 3 });
    for (const [id, phrase] of [
      [edited.id, "Foreign Minister Park Jin"],
      [late.id, "Fumio Kishida"],
    ] as const) {
      expect(sliceCodePoints(newText, rows[id]!.start, rows[id]!.end)).toBe(phrase);
    }
  });
});

describe("corrections and review rounds", () => {
  async function roundAt(status: "open" | "revealed" | "adjudicated" | "closed") {
    const version = { ...desk.version, articleId: desk.article.id };
    const round = await deskRound(db, { team: desk.team, version, editor: desk.editor, reviewers: [desk.reviewer, desk.reviewer2] });
    for (const [reviewer, verdict] of [
      [desk.reviewer, "disputed"],
      [desk.reviewer2, "verified"],
    ] as const) {
      await annotateInRound(db, {
        team: desk.team,
        roundId: round.id,
        version,
        authorId: reviewer.id,
        phrase: "a law against supplying weapons",
        verdict,
      });
      await submitInRound(db, round.id, reviewer.id);
    }
    if (status === "open") return { round, claim: null };
    const [cluster] = await revealForTest(db, { id: round.id, teamId: desk.team.id }, desk.editor.id);
    if (status === "revealed") return { round, claim: null };
    await decideForTest(db, {
      team: desk.team,
      cluster: cluster!,
      version,
      deciderId: desk.editor.id,
      action: "accept",
      boundary: "union",
      span: findPhrase(TEXT, "a law against supplying weapons"),
      verdict: "disputed",
      rationaleHtml: "<p>Checked.</p>",
    });
    if (status === "closed") await db.reviewRound.update({ where: { id: round.id }, data: { status: "closed", closedAt: new Date() } });
    return { round, claim: await db.claim.findFirstOrThrow({ where: { clusterId: cluster!.id } }) };
  }

  for (const status of ["open", "revealed", "adjudicated"] as const) {
    it(`refuses a correction while a round is ${status} (409), changing nothing`, async () => {
      const { round } = await roundAt(status);
      expect((await db.reviewRound.findUniqueOrThrow({ where: { id: round.id } })).status).toBe(status);
      await expect(
        correctArticle(desk.editor, desk.article.id, { version: 1, text: TEXT.replace("Monday", "Sunday") }),
      ).rejects.toMatchObject({
        status: 409,
        message: expect.stringMatching(/Finish or close the review round first/),
      });
      expect(await db.articleVersion.count({ where: { articleId: desk.article.id } })).toBe(1);
      expect((await db.article.findUniqueOrThrow({ where: { id: desk.article.id } })).version).toBe(1);
      expect(await db.annotation.count({ where: { articleId: desk.article.id, versionId: desk.version.id } })).toBe(2);
    });
  }

  it("allows a correction once the round is closed; the round's final claim moves onto the new version with its words", async () => {
    const { round, claim } = await roundAt("closed");
    const newText = `Preface.\n${TEXT}`;
    await correctArticle(desk.editor, desk.article.id, { version: 1, text: newText });
    expect(await db.articleVersion.count({ where: { articleId: desk.article.id } })).toBe(2);
    const v2 = await db.articleVersion.findFirstOrThrow({ where: { articleId: desk.article.id, number: 2 } });
    const after = await db.claim.findUniqueOrThrow({ where: { id: claim!.id } });
    expect(after).toMatchObject({
      versionId: v2.id,
      start: claim!.start + 9,
      end: claim!.end + 9,
      exact: "a law against supplying weapons",
      anchorState: "moved",
      version: claim!.version + 1,
    });
    expect(sliceCodePoints(newText, after.start, after.end)).toBe(after.exact);
    // The round still names the version it reviewed.
    expect((await db.reviewRound.findUniqueOrThrow({ where: { id: round.id } })).versionId).toBe(desk.version.id);
  });
});

describe("versions", () => {
  it("lists every version, newest first, and compares two word by word", async () => {
    await correctArticle(desk.editor, desk.article.id, { version: 1, text: TEXT.replace("a law against", "a strict law against") });
    const list = await listVersions(desk.reviewer, desk.article.id);
    expect(list.map((v) => [v.number, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(list[0]!.createdBy?.id).toBe(desk.editor.id);
    const cmp = await compareVersions(desk.reviewer, desk.article.id, 1, 2);
    expect(cmp.parts.filter((p) => p.kind !== "same")).toEqual([{ kind: "added", text: "strict " }]);
    expect(cmp.parts.map((p) => p.text).join("")).toBe(TEXT.replace("a law against", "a strict law against"));
    expect(await errorCode(compareVersions(desk.reviewer, desk.article.id, 1, 7))).toBe("404:");
    expect(await errorCode(listVersions(other.reviewer, desk.article.id))).toBe("404:");
    expect(await errorCode(compareVersions(other.reviewer, desk.article.id, 1, 2))).toBe("404:");
  });
});

describe("settling drifted and orphaned claims", () => {
  async function corrected() {
    const own = await claimOn("send more military aid to Ukraine");
    const gone = await claimOn("South Korea", 0);
    const newText = TEXT.replace("He urged South Korea to send more military aid", "He urged Seoul to send much more military aid");
    await correctArticle(desk.editor, desk.article.id, { version: 1, text: newText });
    const rows = await db.annotation.findMany({ where: { id: { in: [own.id, gone.id] } } });
    return { newText, drifted: rows.find((r) => r.id === own.id)!, orphan: rows.find((r) => r.id === gone.id)! };
  }

  it("an editor confirms a drifted claim where it is", async () => {
    const { drifted } = await corrected();
    const dto = await placeClaimAnchor(await viewerOf(desk.editor), drifted.id, { version: drifted.version, confirm: true });
    expect(dto).toMatchObject({
      anchorState: "anchored",
      anchorScore: null,
      start: drifted.start,
      exact: drifted.exact,
      version: drifted.version + 1,
    });
    expect(await db.auditEvent.count({ where: { objectId: drifted.id, action: "claim.anchor.confirm" } })).toBe(1);
  });

  it("an editor re-places an orphan on selected words of the current text", async () => {
    const { newText, orphan } = await corrected();
    const span = findPhrase(newText, "He urged Seoul");
    const dto = await placeClaimAnchor(await viewerOf(desk.editor), orphan.id, { version: orphan.version, ...span });
    expect(dto).toMatchObject({ anchorState: "anchored", exact: "He urged Seoul", start: span.start, end: span.end });
    const row = await db.annotation.findUniqueOrThrow({ where: { id: orphan.id } });
    expect(row).toMatchObject({
      anchorState: "anchored",
      exact: "He urged Seoul",
      prefix: newText.slice(Math.max(0, newText.indexOf("He urged") - 32), newText.indexOf("He urged")),
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: orphan.id, action: "claim.anchor.place" } });
    expect(audit.before).toMatchObject({ anchorState: "orphaned", exact: "South Korea" });
  });

  it("refuses the wrong caller, a stale version, a bad span and confirming an orphan", async () => {
    const { drifted, orphan } = await corrected();
    expect(await errorCode(placeClaimAnchor(await viewerOf(desk.reviewer), drifted.id, { version: drifted.version, confirm: true }))).toBe(
      "403:",
    );
    expect(await errorCode(placeClaimAnchor(await viewerOf(other.editor), drifted.id, { version: drifted.version, confirm: true }))).toBe(
      "404:",
    );
    expect(
      await errorCode(placeClaimAnchor(await viewerOf(desk.editor), drifted.id, { version: drifted.version - 1, confirm: true })),
    ).toBe("409:");
    expect(await errorCode(placeClaimAnchor(await viewerOf(desk.editor), orphan.id, { version: orphan.version, confirm: true }))).toBe(
      "400:confirm",
    );
    expect(
      await errorCode(placeClaimAnchor(await viewerOf(desk.editor), orphan.id, { version: orphan.version, start: 0, end: 999_999 })),
    ).toBe("400:end");
    expect(await errorCode(placeClaimAnchor(await viewerOf(desk.editor), orphan.id, { version: orphan.version, start: 11, end: 12 }))).toBe(
      "400:start",
    );
    expect((await db.annotation.findUniqueOrThrow({ where: { id: orphan.id } })).anchorState).toBe("orphaned");
  });
});

describe("final claims of a closed review round through a correction", () => {
  const BASE = "http://claimdesk.test";
  const NOTE = "Text changed after the check: needs re-review.";

  /** A closed round on the desk's article (tests/support/closed-round.ts): each phrase a disputed claim; `retract`'s cluster rejected after its accept. */
  const closedRound = (phrases: string[], retract?: string) => makeClosedRound(db, desk, phrases, retract);

  const versionTwo = () => db.articleVersion.findFirstOrThrow({ where: { articleId: desk.article.id, number: 2 } });

  it("a word changed near a claim: the round's claims move with their words and stay in the final claims, the current report and the round report", async () => {
    const { round, claims } = await closedRound(
      ["Foreign Minister Park Jin", "a law against supplying weapons", "Fumio Kishida"],
      "Fumio Kishida",
    );
    const [park, law, retracted] = [
      claims["Foreign Minister Park Jin"]!,
      claims["a law against supplying weapons"]!,
      claims["Fumio Kishida"]!,
    ];
    expect(retracted.deletedAt).not.toBeNull();
    const newText = TEXT.replace("South Korea has a law", "South Korea still has a law");
    await correctArticle(desk.editor, desk.article.id, { version: 1, text: newText });
    const v2 = await versionTwo();

    const rows = Object.fromEntries(
      (await db.claim.findMany({ where: { id: { in: [park.id, law.id, retracted.id] } } })).map((r) => [r.id, r]),
    );
    expect(rows[park.id]).toMatchObject({
      versionId: v2.id,
      anchorState: "anchored",
      start: park.start,
      end: park.end,
      exact: park.exact,
      version: park.version + 1,
    });
    expect(rows[law.id]).toMatchObject({
      versionId: v2.id,
      anchorState: "moved",
      start: law.start + 6,
      exact: law.exact,
      anchorScore: null,
    });
    // The tombstone moves too, still deleted.
    expect(rows[retracted.id]).toMatchObject({
      versionId: v2.id,
      anchorState: "moved",
      exact: "Fumio Kishida",
      deletedAt: expect.any(Date),
    });
    for (const r of Object.values(rows)) expect(sliceCodePoints(newText, r.start, r.end)).toBe(r.exact);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: law.id, action: "claim.reanchor" } });
    expect(audit).toMatchObject({ objectType: "claim", actorId: desk.editor.id });
    expect(audit.before).toMatchObject({ versionId: desk.version.id, start: law.start, exact: law.exact });
    expect(audit.after).toMatchObject({ versionId: v2.id, state: "moved", start: law.start + 6 });
    expect(
      await db.auditEvent.count({
        where: { objectType: "claim", action: "claim.reanchor", objectId: { in: [park.id, law.id, retracted.id] } },
      }),
    ).toBe(3);

    const final = await listFinalClaims(await loadVisibility(desk.editor), desk.article.id);
    expect(final.map((c) => [c.id, c.source, c.versionId, c.anchorState, c.anchorScore])).toEqual([
      [park.id, "round", v2.id, "anchored", null],
      [law.id, "round", v2.id, "moved", null],
    ]);
    // The reviewers' spans moved with their claim: same version, same words.
    for (const m of final.flatMap((c) => c.members)) expect(sliceCodePoints(newText, m.start, m.end)).toBe(m.exact);

    const current = await loadReport(await loadVisibility(desk.editor), desk.article.id, { baseUrl: BASE });
    expect(current.version).toMatchObject({ id: v2.id, number: 2 });
    expect(current.claims.map((c) => [c.number, c.exact, c.anchorState])).toEqual([
      [1, park.exact, "anchored"],
      [2, law.exact, "moved"],
    ]);
    const html = buildHtml(current);
    expect(html).toContain(
      `South Korea still has <mark id="claim-2" class="claim v-disputed" data-claim="2">a law against supplying weapons</mark>`,
    );
    expect(html).not.toContain("needs re-review");

    // The round's report: on the version its claims are on now, saying which one the round reviewed.
    const report = await loadReport(await loadVisibility(desk.editor), desk.article.id, { baseUrl: BASE, roundId: round.id });
    expect(report.version).toMatchObject({ id: v2.id, number: 2, text: newText });
    expect(report.round).toMatchObject({ id: round.id, status: "closed", reviewedVersion: 1 });
    const shownOn = "The round reviewed version 1. A correction has since moved its claims, so they are shown on version 2.";
    expect(Object.fromEntries(reportFacts(report))["Reviewed version"]).toBe(shownOn);
    expect(buildHtml(report)).toContain(shownOn);
    expect(report.claims.map((c) => c.exact)).toEqual([park.exact, law.exact]);
    for (const c of report.claims) {
      expect(sliceCodePoints(newText, c.start, c.end)).toBe(c.exact);
      expect(c.reviews).toHaveLength(2);
      for (const r of c.reviews) expect(sliceCodePoints(newText, r.start, r.end)).toBe(r.exact);
    }
  });

  it("a final claim changed between the plan and the write is re-anchored from its current state, keeping the change", async () => {
    const { claims } = await closedRound(["a law against supplying weapons"]);
    const law = claims["a law against supplying weapons"]!;
    const newText = `Preface.\n${TEXT}`;
    const plan = await planReanchor({ teamId: desk.team.id, articleId: desk.article.id }, desk.version, newText);
    await db.claim.update({
      where: { id: law.id },
      data: { rationaleHtml: "<p>Statute 12, checked again.</p>", version: { increment: 1 } },
    });
    await saveVersionTwo(newText, plan);
    const row = await db.claim.findUniqueOrThrow({ where: { id: law.id } });
    expect(row).toMatchObject({
      versionId: (await versionTwo()).id,
      anchorState: "moved",
      rationaleHtml: "<p>Statute 12, checked again.</p>",
      version: law.version + 2,
    });
    expect(sliceCodePoints(newText, row.start, row.end)).toBe(law.exact);
  });

  it("the claim's own words rewritten: drifted and orphaned final claims stay listed with their state, and the reports say they need re-review", async () => {
    const { round, claims } = await closedRound(["South Korea", "send more military aid to Ukraine"]);
    const [gone, edited] = [claims["South Korea"]!, claims["send more military aid to Ukraine"]!];
    // An editor's own claim outside rounds takes its annotation's state.
    const own = await createClaimOnPhrase(db, {
      team: desk.team,
      version: desk.version,
      authorId: desk.editor.id,
      phrase: "Fumio Kishida",
      verdict: "verified",
    });
    const newText = TEXT.replace("He urged South Korea to send more military aid", "He urged Seoul to send much more military aid");
    const { reanchored } = await correctArticle(desk.editor, desk.article.id, { version: 1, text: newText });
    // The summary counts annotations (each reviewer's two, the editor's one); final claims are audited row by row.
    expect(reanchored).toEqual({ anchored: 0, moved: 1, drifted: 2, orphaned: 2 });
    const v2 = await versionTwo();

    const final = await listFinalClaims(await loadVisibility(desk.editor), desk.article.id);
    // Text order, the orphan (no place in the text) last.
    expect(final.map((c) => [c.id, c.source, c.versionId, c.anchorState, c.exact])).toEqual([
      [edited.id, "round", v2.id, "drifted", "send much more military aid to Ukraine"],
      [own.id, "editor", v2.id, "moved", "Fumio Kishida"],
      [gone.id, "round", v2.id, "orphaned", "South Korea"],
    ]);
    expect(final[0]!.anchorScore).toBeGreaterThanOrEqual(0.8);
    expect(sliceCodePoints(newText, final[0]!.start, final[0]!.end)).toBe("send much more military aid to Ukraine");
    expect(final[2]).toMatchObject({
      start: 0,
      end: 0,
      anchorScore: null,
      verdict: "disputed",
      rationaleHtml: "<p>Checked against the statute.</p>",
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: gone.id, action: "claim.reanchor", objectType: "claim" } });
    expect(audit.before).toMatchObject({ versionId: desk.version.id, exact: "South Korea", start: gone.start });
    expect(audit.after).toMatchObject({ versionId: v2.id, state: "orphaned", start: 0, end: 0 });

    const report = await loadReport(await loadVisibility(desk.editor), desk.article.id, { baseUrl: BASE });
    expect(report.claims.map((c) => [c.number, c.anchorState])).toEqual([
      [1, "drifted"],
      [2, "moved"],
      [3, "orphaned"],
    ]);
    const html = buildHtml(report);
    expect(html).toContain(
      `He urged Seoul to <mark id="claim-1" class="claim v-disputed" data-claim="1">send much more military aid to Ukraine</mark>`,
    );
    expect(html).toContain(
      `<blockquote>send much more military aid to Ukraine</blockquote><p class="anchor-note">${NOTE} A correction edited these words`,
    );
    // The orphan is listed, with its words as checked, and marked nowhere in the text.
    expect(html).toContain(
      `<blockquote id="claim-3">South Korea</blockquote><p class="anchor-note">${NOTE} A correction removed or rewrote these words`,
    );
    expect(html).not.toContain(`data-claim="3"`);
    expect(html.match(/class="anchor-note"/g)).toHaveLength(2);
    const md = buildMarkdown(report);
    expect(md).toContain(`> send much more military aid to Ukraine\n\n**${NOTE} A correction edited these words`);
    expect(md).toContain(`### <a id="claim-3"></a>3. Disputed\n\n> South Korea\n\n**${NOTE} A correction removed or rewrote these words`);
    expect(md).toContain("| Text changed after the check | 2 \\(needs re-review\\) |");
    // Aggregators get only the claim whose words are those checked.
    expect(
      buildClaimReview({ ...report, publishedUrl: "https://news.example/checks/visit" }).map(
        (r) => (r as { claimReviewed: string }).claimReviewed,
      ),
    ).toEqual(["Fumio Kishida"]);

    const roundReport = await loadReport(await loadVisibility(desk.editor), desk.article.id, { baseUrl: BASE, roundId: round.id });
    expect(roundReport.version.id).toBe(v2.id);
    expect(roundReport.claims.map((c) => [c.exact, c.anchorState])).toEqual([
      ["send much more military aid to Ukraine", "drifted"],
      ["South Korea", "orphaned"],
    ]);
    expect(buildMarkdown(roundReport).match(new RegExp(NOTE.replace(/[.]/g, "\\."), "g"))).toHaveLength(2);
  });
});
