import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorCode } from "../support/error-code";
import { sliceCodePoints } from "@/lib/anchoring/offsets";
import { correctArticle } from "@/lib/server/articles/correct-article";
import { listVersions } from "@/lib/server/articles/list-versions";
import { compareVersions } from "@/lib/server/articles/compare-versions";
import { placeClaimAnchor } from "@/lib/server/claims/place-claim-anchor";
import { listClaims } from "@/lib/server/claims/list-claims";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink, findPhrase } from "@/seeds/evidence-factories";
import { makeDesk } from "../support/actors";

const TEXT = [
  "Stoltenberg met Foreign Minister Park Jin in Seoul on Monday. He urged South Korea to send more military aid to Ukraine.",
  "South Korea has a law against supplying weapons to countries at war, officials in Seoul said.",
  "The visit ended in Tokyo, where Stoltenberg met Prime Minister Fumio Kishida.",
].join("\n");


let desk: Awaited<ReturnType<typeof makeDesk>>;
let other: Awaited<ReturnType<typeof makeDesk>>;
const claimOn = (phrase: string, occurrence = 0) =>
  createClaimOnPhrase(db, { team: desk.team, version: desk.version, authorId: desk.reviewer.id, phrase, verdict: "disputed", occurrence });

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

    const newText = TEXT.replace("in Seoul on Monday", "in Seoul on Monday, 30 January").replace("He urged South Korea to send more military aid", "He urged Seoul to send much more military aid");
    const { article, reanchored } = await correctArticle(desk.editor, desk.article.id, { version: 1, text: newText });
    expect(reanchored).toEqual({ anchored: 1, moved: 1, drifted: 1, orphaned: 1 });
    expect(article).toMatchObject({ version: 2, currentVersion: { number: 2, text: newText } });

    const versions = await db.articleVersion.findMany({ where: { articleId: desk.article.id }, orderBy: { number: "asc" } });
    expect(versions.map((v) => [v.number, v.text])).toEqual([[1, TEXT], [2, newText]]);
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
    expect(audit.before).toMatchObject({ versionId: desk.version.id, exact: "send more military aid to Ukraine", start: own.start, end: own.end });
    expect(audit.after).toMatchObject({ versionId: v2.id, state: "drifted" });
    expect(await db.auditEvent.count({ where: { objectId: desk.article.id, action: "article.correct" } })).toBe(1);

    const listed = await listClaims(desk.reviewer, desk.article.id);
    expect(listed.map((c) => [c.id, c.anchorState]).sort()).toEqual(
      [[near.id, "anchored"], [after.id, "moved"], [own.id, "drifted"], [replaced.id, "orphaned"]].sort(),
    );
  });

  it("refuses a stale version with the current article and applies nothing", async () => {
    await correctArticle(desk.editor, desk.article.id, { version: 1, text: `${TEXT}\nA first correction.` });
    try {
      await correctArticle(desk.editor, desk.article.id, { version: 1, text: `${TEXT}\nA competing correction.` });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).status).toBe(409);
      expect((e as AppError).current).toMatchObject({ version: 2, currentVersion: { number: 2 } });
    }
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
    expect(await errorCode(correctArticle(desk.editor, desk.article.id, { version: 1, text: `  ${TEXT.replace(/\n/g, "\n\n")} ` }))).toBe("400:text");
    expect(await errorCode(correctArticle(desk.editor, desk.article.id, { version: 1, text: "x".repeat(1024 * 1024 + 1) }))).toBe("413:");
    expect(await db.articleVersion.count({ where: { articleId: desk.article.id } })).toBe(1);
  });
});

describe("versions", () => {
  it("lists every version, newest first, and compares two word by word", async () => {
    await correctArticle(desk.editor, desk.article.id, { version: 1, text: TEXT.replace("a law against", "a strict law against") });
    const list = await listVersions(desk.reviewer, desk.article.id);
    expect(list.map((v) => [v.number, v.current])).toEqual([[2, true], [1, false]]);
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
    const dto = await placeClaimAnchor(desk.editor, drifted.id, { version: drifted.version, confirm: true });
    expect(dto).toMatchObject({ anchorState: "anchored", anchorScore: null, start: drifted.start, exact: drifted.exact, version: drifted.version + 1 });
    expect(await db.auditEvent.count({ where: { objectId: drifted.id, action: "claim.anchor.confirm" } })).toBe(1);
  });

  it("an editor re-places an orphan on selected words of the current text", async () => {
    const { newText, orphan } = await corrected();
    const span = findPhrase(newText, "He urged Seoul");
    const dto = await placeClaimAnchor(desk.editor, orphan.id, { version: orphan.version, ...span });
    expect(dto).toMatchObject({ anchorState: "anchored", exact: "He urged Seoul", start: span.start, end: span.end });
    const row = await db.annotation.findUniqueOrThrow({ where: { id: orphan.id } });
    expect(row).toMatchObject({ anchorState: "anchored", exact: "He urged Seoul", prefix: newText.slice(Math.max(0, newText.indexOf("He urged") - 32), newText.indexOf("He urged")) });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: orphan.id, action: "claim.anchor.place" } });
    expect(audit.before).toMatchObject({ anchorState: "orphaned", exact: "South Korea" });
  });

  it("refuses the wrong caller, a stale version, a bad span and confirming an orphan", async () => {
    const { drifted, orphan } = await corrected();
    expect(await errorCode(placeClaimAnchor(desk.reviewer, drifted.id, { version: drifted.version, confirm: true }))).toBe("403:");
    expect(await errorCode(placeClaimAnchor(other.editor, drifted.id, { version: drifted.version, confirm: true }))).toBe("404:");
    expect(await errorCode(placeClaimAnchor(desk.editor, drifted.id, { version: drifted.version - 1, confirm: true }))).toBe("409:");
    expect(await errorCode(placeClaimAnchor(desk.editor, orphan.id, { version: orphan.version, confirm: true }))).toBe("400:confirm");
    expect(await errorCode(placeClaimAnchor(desk.editor, orphan.id, { version: orphan.version, start: 0, end: 999_999 }))).toBe("400:end");
    expect(await errorCode(placeClaimAnchor(desk.editor, orphan.id, { version: orphan.version, start: 11, end: 12 }))).toBe("400:start");
    expect((await db.annotation.findUniqueOrThrow({ where: { id: orphan.id } })).anchorState).toBe("orphaned");
  });
});
