import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importW3c } from "@/lib/server/reports/import-w3c";
import { createClaim } from "@/lib/server/claims/create-claim";
import { loadReport } from "@/lib/server/reports/load-report";
import { buildW3c } from "@/lib/export/w3c";
import { createArticle } from "@/seeds/factories";
import { loadVisibility, viewerOf } from "@/lib/server/visibility/viewer";
import { makeDesk } from "../support/actors";
import { errorCode } from "../support/error-code";

const BASE = "http://claimdesk.test";
/** The demo article of the W3C import tests (tests/integration/reports.test.ts): curly quotes, 𝕏 outside the BMP, a repeated phrase. */
const TEXT =
  "“It’s historic,” the café owner said of Stoltenberg’s visit.\nNATO has 30 members. Stoltenberg met Yoon in Seoul.\n𝕏 Later, Stoltenberg met Yoon again in Tokyo.";
/** A search response written from Hypothesis's documented annotation shape, its context and positions taken from the page's DOM text. */
const SEARCH = JSON.parse(readFileSync("tests/fixtures/import/hypothesis-search.json", "utf8")) as { total: number; rows: unknown[] };
const cp = (phrase: string, from = 0) => [...TEXT.slice(0, TEXT.indexOf(phrase, from))].length;

let desk: Awaited<ReturnType<typeof makeDesk>>;
let other: Awaited<ReturnType<typeof makeDesk>>;
beforeAll(async () => {
  desk = await makeDesk(db, TEXT);
  other = await makeDesk(db);
  await db.team.update({ where: { id: desk.team.id }, data: { importTagMap: { pinocchio: "unsourced" } } });
});

describe("importing Hypothesis API JSON", () => {
  it("places a search response's rows whitespace-insensitively, with the team's tags and Markdown, and says why the rest were not", async () => {
    const article = await createArticle(db, { team: desk.team, text: TEXT, meta: { title: "Hypothesis copy" } });
    const report = await importW3c(await viewerOf(desk.editor), article.id, SEARCH, BASE);
    expect(report.total).toBe(10);
    expect(report.imported.map((i) => [i.index, i.id, i.placedBy, i.verdict, i.start, i.end])).toEqual([
      [0, "Kq1Vw2aXEe-ab3cRgkP0fA", "quote", "disputed", cp("said of"), cp(". Stoltenberg met Yoon in")],
      [1, "Lr2Wx3bYEe-cd4dShlQ1gB", "context", "verified", cp("Stoltenberg met Yoon again"), cp(" again in Tokyo")],
      [2, "Ms3Xy4cZEe-ef5eTimR2hC", "quote", "unsourced", 0, cp(" of Stoltenberg’s")],
    ]);
    expect(report.failed.map((f) => [f.index, f.reason])).toEqual([
      [3, "ambiguous"],
      [4, "no-quote"],
      [5, "no-text-target"],
      [6, "no-verdict"],
      [7, "conflicting-verdicts"],
      [8, "no-text-target"],
      [9, "quote-not-found"],
    ]);
    expect(report.failed[1]!.message).toMatch(/XPath range points into Hypothesis's view of the page's HTML/);
    expect(report.failed[2]!.message).toMatch(/page note: it annotates the whole page/);
    expect(report.failed[3]!.message).toContain('(tags: "politics", "korea")');

    const rows = await db.annotation.findMany({ where: { articleId: article.id }, orderBy: { start: "asc" } });
    expect(rows.map((r) => [r.exact, r.start, r.end, r.verdict, r.anchorState, r.authorId])).toEqual([
      ["“It’s historic,” the café owner said", 0, 36, "unsourced", "anchored", desk.editor.id],
      ["said of Stoltenberg’s visit.\nNATO has 30 members", 32, 80, "disputed", "anchored", desk.editor.id],
      ["Stoltenberg met Yoon", 122, 142, "verified", "anchored", desk.editor.id],
    ]);
    // Code points: the second "Stoltenberg met Yoon" comes after 𝕏, one unit further in UTF-16.
    expect(TEXT.indexOf("Stoltenberg met Yoon again")).toBe(123);
    expect([...TEXT].slice(122, 142).join("")).toBe("Stoltenberg met Yoon");
    expect(rows[0]!.rationaleHtml).toBe("<p>Who is the café owner? No name, no source.</p>");
    expect(rows[1]!.rationaleHtml).toBe(
      '<p><strong>Out of date.</strong> NATO has had 32 members since Sweden joined in March 2024.<br />\nSee the <a href="https://www.nato.int/cps/en/natohq/topics_52044.htm" rel="noopener noreferrer nofollow" target="_blank">member list</a>.</p>',
    );
    // The script payload of row 1 is stored as text, never as markup.
    expect(rows[2]!.rationaleHtml).toBe(
      "<p>Confirmed by the <em>Korea Herald</em>.&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&lt;img src=x onerror=alert(2)&gt; [x](javascript:alert(3))</p>",
    );
    expect(rows[2]!.prefix.endsWith("𝕏 Later, ")).toBe(true);
    expect(
      await db.auditEvent.count({ where: { teamId: desk.team.id, action: "claim.import", objectId: { in: rows.map((r) => r.id) } } }),
    ).toBe(3);

    // The same response again creates nothing and says why.
    const twice = await importW3c(await viewerOf(desk.editor), article.id, SEARCH, BASE);
    expect(twice.imported).toEqual([]);
    expect(twice.failed.filter((f) => f.reason === "duplicate").map((f) => f.index)).toEqual([0, 1, 2]);
  });

  it("takes one annotation, an array, and the client's export file", async () => {
    const article = await createArticle(db, { team: desk.team, text: TEXT, meta: { title: "Shapes" } });
    const [first, second] = SEARCH.rows;
    const viewer = await viewerOf(desk.editor);
    expect((await importW3c(viewer, article.id, first, BASE)).imported.map((i) => i.index)).toEqual([0]);
    expect((await importW3c(viewer, article.id, [second], BASE)).imported.map((i) => i.verdict)).toEqual(["verified"]);
    const exported = { export_date: "2026-11-20T10:00:00.000Z", export_userid: "acct:ana_checks@hypothes.is", annotations: SEARCH.rows };
    const again = await importW3c(viewer, article.id, exported, BASE);
    expect(again.imported.map((i) => i.index)).toEqual([2]);
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(3);
  });

  it("keeps a drifted claim drifted: exported from Claimdesk and imported, it still needs re-review", async () => {
    const source = await createArticle(db, { team: desk.team, text: TEXT, meta: { title: "Drifted source" } });
    const claim = await createClaim(desk.editor, source.id, {
      versionId: source.versions[0]!.id,
      start: cp("NATO"),
      end: cp(". Stoltenberg met"),
      verdict: "disputed",
    });
    await db.annotation.update({ where: { id: claim.id }, data: { anchorState: "drifted", anchorScore: 0.84 } });
    const exported = JSON.parse(
      JSON.stringify(buildW3c(await loadReport(await loadVisibility(desk.editor), source.id, { baseUrl: BASE }))),
    );
    expect(exported.first.items[0].anchorState).toBe("drifted");

    const copy = await createArticle(db, { team: desk.team, text: TEXT, meta: { title: "Drifted copy" } });
    const report = await importW3c(await viewerOf(desk.editor), copy.id, exported, BASE);
    expect(report.imported).toHaveLength(1);
    const row = await db.annotation.findFirstOrThrow({ where: { articleId: copy.id } });
    expect([row.exact, row.anchorState]).toEqual(["NATO has 30 members", "drifted"]);
    // Hypothesis JSON carrying the same mark (a converter's, or the client's $orphan) is kept too.
    const marked = { ...(SEARCH.rows[2] as object), anchorState: "drifted" };
    const other = await createArticle(db, { team: desk.team, text: TEXT, meta: { title: "Marked copy" } });
    await importW3c(await viewerOf(desk.editor), other.id, [marked], BASE);
    expect((await db.annotation.findFirstOrThrow({ where: { articleId: other.id } })).anchorState).toBe("drifted");
  });

  it("bounds the CPU an import spends on hostile Markdown: past the budget, rows are reported cut, none placed on a guess", async () => {
    const article = await createArticle(db, { team: desk.team, text: TEXT, meta: { title: "Hostile Markdown" } });
    const [first] = SEARCH.rows as Record<string, unknown>[];
    // 400 comments of 20,000 characters that markdown-it and the sanitizer take ~0.1 s each with: about 40 s unbounded.
    const rows = Array.from({ length: 400 }, (_, i) => ({ ...first, id: `hostile-${i}`, text: "*a".repeat(10_000) }));
    const t = performance.now();
    const report = await importW3c(await viewerOf(desk.editor), article.id, { total: rows.length, rows }, BASE);
    const ms = performance.now() - t;
    console.log(`400 hostile Markdown comments: answered in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(10_000);
    expect(report.imported).toHaveLength(1);
    // The first row is placed; rows parsed within the budget are duplicates of it, the rest are cut.
    const reasons = new Set(report.failed.map((f) => f.reason));
    expect(reasons.has("cut")).toBe(true);
    expect([...reasons].filter((r) => r !== "cut" && r !== "duplicate")).toEqual([]);
    expect(report.failed.find((f) => f.reason === "cut")).toMatchObject({ message: expect.stringMatching(/ran out of time/) });
  });

  it("refuses a search response whose rows are not a list, naming the field, and another team's article", async () => {
    const viewer = await viewerOf(desk.editor);
    expect(await errorCode(importW3c(viewer, desk.article.id, { total: 1, rows: { id: "x" } }, BASE))).toBe("400:rows");
    expect(await errorCode(importW3c(viewer, desk.article.id, { annotations: "x" }, BASE))).toBe("400:annotations");
    expect(await errorCode(importW3c(viewer, desk.article.id, { total: 0 }, BASE))).toBe("400:type");
    expect(await errorCode(importW3c(await viewerOf(other.editor), desk.article.id, SEARCH, BASE))).toBe("404:");
    expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe(0);
  });
});
