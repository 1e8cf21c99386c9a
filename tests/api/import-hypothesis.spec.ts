import { readFileSync } from "node:fs";
import { test, expect, makeDesk, signIn, testDb } from "../support/fixtures";

/** The demo article of the W3C import tests, and a Hypothesis search response written from its documented API shape against it. */
const TEXT =
  "“It’s historic,” the café owner said of Stoltenberg’s visit.\nNATO has 30 members. Stoltenberg met Yoon in Seoul.\n𝕏 Later, Stoltenberg met Yoon again in Tokyo.";
const SEARCH = JSON.parse(readFileSync("tests/fixtures/import/hypothesis-search.json", "utf8")) as { total: number; rows: unknown[] };

test.describe("importing Hypothesis API JSON", () => {
  test("imports a search response through the endpoint: placed rows persisted, the rest reported with why", async ({ request }) => {
    const desk = await makeDesk(TEXT);
    await testDb().team.update({ where: { id: desk.team.id }, data: { importTagMap: { pinocchio: "unsourced" } } });
    await signIn(request, desk.editor.email);
    const res = await request.post(`/api/articles/${desk.article.id}/annotations/import`, { data: SEARCH });
    expect(res.status()).toBe(200);
    const report = (await res.json()) as {
      total: number;
      imported: { index: number; placedBy: string }[];
      failed: { index: number; id: string; reason: string; message: string }[];
    };
    expect(report.total).toBe(10);
    expect(report.imported.map((i) => [i.index, i.placedBy])).toEqual([
      [0, "quote"],
      [1, "context"],
      [2, "quote"],
    ]);
    const counts = report.failed.reduce<Record<string, number>>((n, f) => ({ ...n, [f.reason]: (n[f.reason] ?? 0) + 1 }), {});
    expect(counts).toEqual({
      ambiguous: 1,
      "no-quote": 1,
      "no-text-target": 2,
      "no-verdict": 1,
      "conflicting-verdicts": 1,
      "quote-not-found": 1,
    });
    expect(report.failed.find((f) => f.reason === "no-quote")).toMatchObject({ id: "Ou5Za6e1Ee-ij7gVkoT4jE" });

    // What the desk sees: the claims list of the article.
    const claims = (await (await request.get(`/api/articles/${desk.article.id}/claims`)).json()) as {
      start: number;
      end: number;
      exact: string;
      verdict: string;
      anchorState: string;
    }[];
    const shape = claims
      .map((c) => [c.start, c.end, c.exact, c.verdict, c.anchorState])
      .sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(shape).toEqual([
      [0, 36, "“It’s historic,” the café owner said", "unsourced", "anchored"],
      [32, 80, "said of Stoltenberg’s visit.\nNATO has 30 members", "disputed", "anchored"],
      [122, 142, "Stoltenberg met Yoon", "verified", "anchored"],
    ]);
    const rows = await testDb().annotation.findMany({ where: { articleId: desk.article.id }, orderBy: { start: "asc" } });
    expect(rows[1]!.rationaleHtml).toContain("<strong>Out of date.</strong>");
    expect(rows[2]!.rationaleHtml).not.toMatch(/<script|<img/i);
    expect(rows[2]!.rationaleHtml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  test("malformed Hypothesis JSON is a 400 naming the field; signed out is 401, another team 404", async ({ request, playwright }) => {
    const desk = await makeDesk(TEXT);
    const url = `/api/articles/${desk.article.id}/annotations/import`;
    expect((await request.post(url, { data: SEARCH })).status()).toBe(401);
    await signIn(request, desk.editor.email);
    for (const [data, field] of [
      [{ total: 2, rows: { id: "x" } }, "rows"],
      [{ export_date: "2026-11-20T10:00:00.000Z", annotations: "none" }, "annotations"],
      [{ total: 0 }, "type"],
    ] as const) {
      const res = await request.post(url, { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect(await res.json()).toEqual({ error: expect.any(String), field });
    }
    const other = await makeDesk();
    const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await signIn(stranger, other.editor.email);
    expect((await stranger.post(url, { data: SEARCH })).status()).toBe(404);
    await stranger.dispose();
    expect(await testDb().annotation.count({ where: { articleId: desk.article.id } })).toBe(0);
  });
});
