/**
 * The malformed requests that once got a 500 (or an empty error),
 * one by one, with the answer each must get now. The random search over
 * every route is tests/api/input-fuzz.spec.ts.
 */
import type { APIResponse } from "@playwright/test";
import { test, expect, signIn, makeDesk } from "../support/fixtures";
import { apiRoutes, routeUrl } from "../support/route-inventory";
import { MAX_JSON_DEPTH } from "@/lib/api/json-depth";

async function expectError(res: APIResponse, status: number, field?: string) {
  expect(res.status()).toBe(status);
  expect(res.headers()["content-type"]).toMatch(/^application\/json/);
  const body = await res.json();
  expect(body).toEqual(field ? { error: expect.any(String), field } : { error: expect.any(String) });
  return body as { error: string; field?: string };
}

test.describe("malformed requests get a JSON 4xx, never a 500", () => {
  test("a malformed % escape in any route id is a 400 naming the id, for every route and method", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const body = await expectError(await request.post("/api/claims/%ff/restore", { data: {} }), 400, "claimId");
    expect(body.error).toMatch(/malformed % escape/);
    for (const route of apiRoutes().filter((r) => r.params.length > 0)) {
      for (const method of route.methods) {
        const name = route.params[0]!.replace(/^\.\.\./, "");
        const url = routeUrl(route, Object.fromEntries(route.params.map((p) => [p.replace(/^\.\.\./, ""), "x"]))).replace(
          /\/x(?=\/|$)/,
          "/%E0%A4%A",
        );
        await expectError(await request.fetch(url, { method }), 400, name);
      }
    }
    // Pages too: a 400, not the framework's 500.
    expect((await request.get("/articles/%ff")).status()).toBe(400);
  });

  test("a method a route does not export is a JSON 405 with Allow, and an unknown API path a JSON 404", async ({ request }) => {
    const res = await request.put("/api/ping", { data: {} });
    await expectError(res, 405);
    expect(res.headers().allow).toBe("GET");
    await expectError(await request.delete("/api/articles"), 405);
    await expectError(await request.get("/api/no-such-thing"), 404);
  });

  test("a body that is not JSON is a 415, before anything is read", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const url = `/api/articles/${desk.article.id}/claims`;
    const res = await request.post(url, {
      data: JSON.stringify({ versionId: desk.version.id, start: 0, end: 4, verdict: "verified" }),
      headers: { "content-type": "text/plain" },
    });
    await expectError(res, 415);
    // A JSON-LD body (W3C annotations) is JSON.
    expect(
      (
        await request.post(`/api/articles/${desk.article.id}/annotations/import`, {
          data: "[]",
          headers: { "content-type": "application/ld+json" },
        })
      ).status(),
    ).toBe(200);
  });

  test("a lone surrogate in a string field is a 400 naming the field: articles, comments, evidence links, round start", async ({
    request,
  }) => {
    const desk = await makeDesk();
    await signIn(request, desk.editor.email);
    const lone = "Seoul \ud800 Tokyo";
    await expectError(await request.post("/api/articles", { data: { text: `NATO chief visits. ${lone}` } }), 400, "text");
    const claim = await (
      await request.post(`/api/articles/${desk.article.id}/claims`, {
        data: { versionId: desk.version.id, start: 0, end: 4, verdict: "verified" },
      })
    ).json();
    const evidence = await (
      await request.post("/api/evidence", { data: { kind: "web_source", title: "A source", url: "https://example.test/a" } })
    ).json();
    await expectError(
      await request.post(`/api/claims/${claim.id}/evidence`, { data: { evidenceId: evidence.id, stance: "supports", pinpoint: lone } }),
      400,
      "pinpoint",
    );
    await expectError(
      await request.post("/api/reviews", { data: { articleId: "\ud800", reviewerIds: [desk.reviewer.id], adjudicatorId: desk.editor.id } }),
      400,
      "articleId",
    );
    await expectError(await request.post("/api/comments", { data: { claimId: claim.id, body: `<p>${lone}</p>` } }), 400, "body");
    await expectError(
      await request.patch(`/api/claims/${claim.id}`, { data: { version: claim.version, rationale: `<p>\udfff</p>` } }),
      400,
      "rationale",
    );
  });

  test(`JSON nested deeper than ${MAX_JSON_DEPTH} levels is a 400 before any walk, even 8 MB of it on the W3C import`, async ({
    request,
    desk,
  }) => {
    await signIn(request, desk.editor.email);
    const url = `/api/articles/${desk.article.id}/annotations/import`;
    const nested = await request.post(url, { data: Buffer.from("[".repeat(20 * 1024)), headers: { "content-type": "application/json" } });
    expect((await expectError(nested, 400)).error).toMatch(/nests more than/);
    const t0 = Date.now();
    const huge = await request.post(url, {
      data: Buffer.from(`${"[".repeat(4 * 1024 * 1024)}${"]".repeat(4 * 1024 * 1024)}`),
      headers: { "content-type": "application/json" },
    });
    const ms = Date.now() - t0;
    await expectError(huge, 400);
    // Mostly the upload itself; the walk it replaces took 5.7 s.
    expect(ms).toBeLessThan(3000);
    console.log(`8 MB of nested JSON on the W3C import: 400 in ${ms} ms`);
    // Honest nesting still passes.
    expect((await request.post(url, { data: [{ type: "Annotation", a: [[[[[1]]]]] }] })).status()).toBe(200);
  });

  test("a malformed % escape in a W3C import's evidence IRI is a 400 naming the annotation's body", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const annotation = (iri: string) => ({
      type: "Annotation",
      target: { selector: [{ type: "TextQuoteSelector", exact: "NATO Secretary-General" }] },
      body: [
        { purpose: "tagging", value: "Verified" },
        { purpose: "linking", source: { id: iri, title: "A source" } },
      ],
    });
    const url = `/api/articles/${desk.article.id}/annotations/import`;
    const res = await request.post(url, { data: [annotation("https://example.test/a%ZZb")] });
    expect((await expectError(res, 400, "items.0.body")).error).toMatch(/malformed % escape/);
    const ok = await request.post(url, { data: [annotation("https://example.test/a%20b")] });
    expect(ok.status()).toBe(200);
    expect((await ok.json()).imported).toHaveLength(1);
  });
});
