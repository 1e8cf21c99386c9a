import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { createArticle } from "@/seeds/factories";
import { test, expect, makeDesk, signIn, testDb, expectSignedOutRefused } from "../support/fixtures";

type Desk = Awaited<ReturnType<typeof makeDesk>>;

/** An unsourced claim on the article's first word, made through the API, for a test to change or delete. */
async function firstWordClaim(request: APIRequestContext, desk: Desk) {
  const res = await request.post(`/api/articles/${desk.article.id}/claims`, {
    data: { versionId: desk.version.id, start: 0, end: 4, verdict: "unsourced" },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

test.describe("claims API", () => {
  test("should require authentication", async ({ request, desk }) => {
    await expectSignedOutRefused(request, [
      ["GET", "/api/articles"],
      ["GET", `/api/articles/${desk.article.id}`],
      ["GET", `/api/articles/${desk.article.id}/claims`],
      ["POST", `/api/articles/${desk.article.id}/claims`],
      ["PATCH", "/api/claims/whatever"],
      ["DELETE", "/api/claims/whatever?version=1"],
      ["POST", "/api/claims/whatever/restore"],
    ]);
  });

  test("another team gets 404 for the article, its claims and each claim", async ({ playwright, request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const created = await request.post(`/api/articles/${desk.article.id}/claims`, {
      data: { versionId: desk.version.id, start: 0, end: 4, verdict: "verified" },
    });
    expect(created.status()).toBe(201);
    const claim = await created.json();

    const other = await makeDesk();
    const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await signIn(stranger, other.editor.email);
    expect((await stranger.get(`/api/articles/${desk.article.id}`)).status()).toBe(404);
    expect((await stranger.get(`/api/articles/${desk.article.id}/claims`)).status()).toBe(404);
    const post = await stranger.post(`/api/articles/${desk.article.id}/claims`, {
      data: { versionId: desk.version.id, start: 0, end: 4, verdict: "verified" },
    });
    expect(post.status()).toBe(404);
    expect((await stranger.patch(`/api/claims/${claim.id}`, { data: { version: claim.version, verdict: "disputed" } })).status()).toBe(404);
    expect((await stranger.delete(`/api/claims/${claim.id}?version=${claim.version}`)).status()).toBe(404);
    expect((await stranger.post(`/api/claims/${claim.id}/restore`, { data: { version: claim.version } })).status()).toBe(404);
    expect((await testDb().annotation.findUniqueOrThrow({ where: { id: claim.id } })).deletedAt).toBeNull();
    const list = await (await stranger.get("/api/articles")).json();
    expect(list.map((a: { id: string }) => a.id)).not.toContain(desk.article.id);
    await stranger.dispose();
  });

  test("malformed input gets 400 naming the field, and an oversized body 413", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const url = `/api/articles/${desk.article.id}/claims`;
    const bad = await request.post(url, { data: Buffer.from("{not json"), headers: { "Content-Type": "application/json" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatch(/JSON/);

    const cases: [Record<string, unknown>, string][] = [
      [{ versionId: desk.version.id, start: 0, end: 4 }, "verdict"],
      [{ versionId: desk.version.id, start: 0, end: 4, verdict: "half-true" }, "verdict"],
      [{ versionId: desk.version.id, start: -1, end: 4, verdict: "verified" }, "start"],
      [{ versionId: desk.version.id, start: 5, end: 2, verdict: "verified" }, "end"],
      [{ versionId: desk.version.id, start: 0, end: 999_999, verdict: "verified" }, "end"],
      [{ start: 0, end: 4, verdict: "verified" }, "versionId"],
    ];
    for (const [data, field] of cases) {
      const res = await request.post(url, { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect((await res.json()).field).toBe(field);
    }
    const huge = await request.post(url, {
      data: { versionId: desk.version.id, start: 0, end: 4, verdict: "verified", rationale: "x".repeat(100_000) },
    });
    expect(huge.status()).toBe(413);
    expect((await request.get(url).then((r) => r.json())).length).toBe(0);
  });

  test("a stale update gets 409 with the current state and is not applied", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const claim = await firstWordClaim(request, desk);
    const first = await request.patch(`/api/claims/${claim.id}`, { data: { version: claim.version, verdict: "verified" } });
    expect(first.status()).toBe(200);
    const stale = await request.patch(`/api/claims/${claim.id}`, { data: { version: claim.version, verdict: "disputed" } });
    expect(stale.status()).toBe(409);
    const body = await stale.json();
    expect(body.current.verdict).toBe("verified");
    const list = await (await request.get(`/api/articles/${desk.article.id}/claims`)).json();
    expect(list[0].verdict).toBe("verified");
    const badVersion = await request.patch(`/api/claims/${claim.id}`, { data: { version: "x" } });
    expect([badVersion.status(), (await badVersion.json()).field]).toEqual([400, "version"]);
    const noVersion = await request.delete(`/api/claims/${claim.id}`);
    expect([noVersion.status(), (await noVersion.json()).field]).toEqual([400, "version"]);
    expect((await testDb().annotation.findUniqueOrThrow({ where: { id: claim.id } })).deletedAt).toBeNull();
  });

  test("changes and creates that cannot apply get 400 naming the field, and nothing is saved", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const url = `/api/articles/${desk.article.id}/claims`;
    const claim = await (await request.post(url, { data: { versionId: desk.version.id, start: 0, end: 4, verdict: "unsourced" } })).json();
    const elsewhere = await createArticle(testDb(), { team: desk.team, text: "Another article of the same desk." });
    const expectField = async (res: APIResponse, field: string, label: string) => {
      expect(res.status(), label).toBe(400);
      expect((await res.json()).field, label).toBe(field);
    };

    await expectField(await request.post(`/api/claims/${claim.id}/restore`, { data: {} }), "version", "restore {}");
    await expectField(
      await request.patch(`/api/claims/${claim.id}`, { data: { version: claim.version } }),
      "verdict",
      "PATCH with nothing to change",
    );
    await expectField(
      await request.patch(`/api/claims/${claim.id}`, { data: { version: claim.version, rationale: "<p>a\u0000b</p>" } }),
      "rationale",
      "PATCH rationale with NUL",
    );
    // Words of their own: the same words again would be refused as tagged already.
    const create = { versionId: desk.version.id, start: 0, end: 3, verdict: "verified" };
    const exact = [...desk.text].slice(0, 3).join("");
    await expectField(await request.post(url, { data: { ...create, exact: `${exact}x` } }), "exact", "exact that does not match");
    await expectField(
      await request.post(url, { data: { ...create, versionId: elsewhere.versions[0]!.id } }),
      "versionId",
      "another article's version",
    );
    await expectField(
      await request.post(url, { data: { ...create, rationale: "<p>\u0000</p>" } }),
      "rationale",
      "create rationale with NUL",
    );
    await expectField(await request.post(url, { data: { ...create, clientId: "draft-1" } }), "clientId", "clientId that is not a UUID");
    // A NUL in an id never reaches the database (PostgreSQL refuses the byte): no such claim.
    expect((await request.patch(`/api/claims/${claim.id}%00`, { data: { version: claim.version, verdict: "verified" } })).status()).toBe(
      404,
    );

    // The right `exact` is accepted, which shows the refusal above was about the text.
    expect((await request.post(url, { data: { ...create, exact } })).status()).toBe(201);
    const rows = await testDb().annotation.findMany({ where: { teamId: desk.team.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.articleId, r.verdict, r.rationaleHtml, r.version])).toEqual([
      [desk.article.id, "unsourced", "", 1],
      [desk.article.id, "verified", "", 1],
    ]);
  });

  test("a create retried with the same clientId returns the saved claim instead of a duplicate", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const url = `/api/articles/${desk.article.id}/claims`;
    const data = { versionId: desk.version.id, start: 0, end: 4, verdict: "disputed", clientId: randomUUID() };
    const first = await request.post(url, { data });
    expect(first.status()).toBe(201);
    const again = await Promise.all([request.post(url, { data }), request.post(url, { data })]);
    const ids = await Promise.all([first, ...again].map(async (r) => (await r.json()).id));
    expect(ids).toEqual([data.clientId, data.clientId, data.clientId]);
    expect(await (await request.get(url)).json()).toHaveLength(1);
    expect(await testDb().auditEvent.count({ where: { objectId: data.clientId, action: "claim.create" } })).toBe(1);
  });

  test("words the caller tagged already get 409 with that claim as current, and nothing is saved", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const first = await firstWordClaim(request, desk);
    const url = `/api/articles/${desk.article.id}/claims`;
    const again = await request.post(url, {
      data: { versionId: desk.version.id, start: 0, end: 4, verdict: "verified", clientId: randomUUID() },
    });
    expect(again.status()).toBe(409);
    const body = await again.json();
    expect(body).toEqual({
      error: "You tagged these words Unsourced already. Change that claim instead of tagging them again.",
      current: await (await request.get(`/api/claims/${first.id}`)).json(),
    });
    expect((await request.get(url).then((r) => r.json())).map((c: { id: string }) => c.id)).toEqual([first.id]);
  });

  test("delete leaves a tombstone that restore brings back", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const claim = await firstWordClaim(request, desk);
    const del = await request.delete(`/api/claims/${claim.id}?version=${claim.version}`);
    expect(del.status()).toBe(200);
    const gone = await (await request.get(`/api/articles/${desk.article.id}/claims`)).json();
    expect(gone).toHaveLength(0);
    const restored = await request.post(`/api/claims/${claim.id}/restore`, { data: { version: (await del.json()).version } });
    expect(restored.status()).toBe(200);
    expect(await (await request.get(`/api/articles/${desk.article.id}/claims`)).json()).toHaveLength(1);
  });
});
