import type { APIRequestContext } from "@playwright/test";
import { test, expect, makeDesk, signIn, signedInRequest, testDb, expectSignedOutRefused } from "../support/fixtures";
import { createClaimOnPhrase } from "@/seeds/evidence-factories";
import { annotateInRound, deskRound } from "@/seeds/review-factories";

// Each test makes its own desks, so they can run side by side.
test.describe.configure({ mode: "parallel" });

const CALL = "Mr Stoltenberg also called on Seoul to increase aid to Ukraine";
type Desk = Awaited<ReturnType<typeof makeDesk>>;

const claimOn = (desk: Desk, authorId: string, phrase = CALL) =>
  createClaimOnPhrase(testDb(), {
    team: desk.team,
    version: { ...desk.version, articleId: desk.article.id },
    authorId,
    phrase,
    verdict: "disputed",
  });

async function firstSuggestion(request: APIRequestContext, desk: Desk) {
  const res = await request.get(`/api/articles/${desk.article.id}/suggestions`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { versionId: string; suggestions: { start: number; end: number; text: string }[] };
  return { versionId: body.versionId, s: body.suggestions[0]! };
}

/** Every claim-assistance route, with a valid request for the desk's own objects. */
function routes(desk: Desk, claimId: string) {
  const a = desk.article.id;
  return [
    ["GET", `/api/articles/${a}/suggestions`, undefined],
    ["POST", `/api/articles/${a}/suggestions/decisions`, { versionId: desk.version.id, start: 0, end: 10, decision: "dismiss" }],
    ["GET", `/api/claims/${claimId}/related`, undefined],
    ["POST", `/api/claims/${claimId}/apply-related`, { version: 1, source: { kind: "annotation", id: claimId } }],
    ["GET", "/api/claims", undefined],
    ["GET", "/api/assist/model", undefined],
    ["DELETE", "/api/assist/model?version=1", undefined],
    ["GET", "/api/assist/aliases", undefined],
    ["POST", "/api/assist/aliases", { alias: "Blue House", canonical: "South Korean presidency" }],
    ["DELETE", "/api/assist/aliases/x?version=1", undefined],
  ] as const;
}

const send = (request: APIRequestContext, method: string, url: string, data?: unknown) =>
  request.fetch(url, { method, ...(data !== undefined ? { data } : {}) });

test.describe("claim assistance API", () => {
  test("signed out gets 401 on every route", async ({ request }) => {
    const desk = await makeDesk();
    const claim = await claimOn(desk, desk.editor.id);
    await expectSignedOutRefused(request, routes(desk, claim.id));
  });

  test("another team gets 404 for the desk's articles and claims, and sees none of its claims", async ({ playwright }) => {
    const desk = await makeDesk();
    const claim = await claimOn(desk, desk.editor.id);
    const other = await makeDesk();
    const stranger = await signedInRequest(playwright, other.editor.email);
    for (const [method, url, data] of routes(desk, claim.id).filter(([, url]) => url.includes(desk.article.id) || url.includes(claim.id))) {
      const res = await send(stranger, method, url, data);
      expect(res.status(), `${method} ${url}`).toBe(404);
    }
    const search = await (await stranger.get("/api/claims?q=Stoltenberg")).json();
    expect(search.rows).toEqual([]);
    expect((await stranger.delete("/api/assist/aliases/nope?version=1")).status()).toBe(404);
    expect(await testDb().annotation.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ verdict: "disputed", version: 1 });
    expect(await testDb().suggestionDismissal.count({ where: { articleId: desk.article.id } })).toBe(0);
    await stranger.dispose();
  });

  test("a reviewer gets 403 for the model reset, the alias table and someone else's claim", async ({ request }) => {
    const desk = await makeDesk();
    const editorsClaim = await claimOn(desk, desk.editor.id);
    const mine = await claimOn(desk, desk.reviewer.id, "NATO wants to create a new Cold War in Asia.");
    await signIn(request, desk.reviewer.email);
    expect((await request.delete("/api/assist/model?version=1")).status()).toBe(403);
    expect((await request.post("/api/assist/aliases", { data: { alias: "Blue House", canonical: "X" } })).status()).toBe(403);
    expect((await request.delete("/api/assist/aliases/x?version=1")).status()).toBe(403);
    const apply = await request.post(`/api/claims/${editorsClaim.id}/apply-related`, {
      data: { version: 1, source: { kind: "annotation", id: mine.id } },
    });
    expect(apply.status()).toBe(403);
    expect(await testDb().annotation.findUniqueOrThrow({ where: { id: editorsClaim.id } })).toMatchObject({
      verdict: "disputed",
      version: 1,
    });
    expect(await testDb().teamAlias.count({ where: { teamId: desk.team.id } })).toBe(0);
    // What a reviewer may do: read the model and aliases, decide suggestions.
    expect((await request.get("/api/assist/model")).status()).toBe(200);
    expect(((await (await request.get("/api/assist/aliases")).json()) as { can: unknown }).can).toEqual({
      resetModel: false,
      editAliases: false,
    });
  });

  test("malformed input gets 400 naming the field", async ({ request }) => {
    const desk = await makeDesk();
    const claim = await claimOn(desk, desk.editor.id);
    await signIn(request, desk.editor.email);
    const { versionId, s } = await firstSuggestion(request, desk);
    const decisions = `/api/articles/${desk.article.id}/suggestions/decisions`;
    const cases: [string, string, unknown, string][] = [
      ["POST", decisions, { start: s.start, end: s.end, decision: "dismiss" }, "versionId"],
      ["POST", decisions, { versionId, start: "0", end: s.end, decision: "dismiss" }, "start"],
      ["POST", decisions, { versionId, start: s.start, end: s.start, decision: "dismiss" }, "end"],
      ["POST", decisions, { versionId, start: s.start, end: s.end, decision: "maybe" }, "decision"],
      ["POST", decisions, { versionId, start: s.start + 1, end: s.end, decision: "dismiss" }, "start"],
      ["POST", decisions, { versionId: "x\u0000", start: s.start, end: s.end, decision: "dismiss" }, "versionId"],
      ["POST", `/api/claims/${claim.id}/apply-related`, { source: { kind: "annotation", id: "x" } }, "version"],
      ["POST", `/api/claims/${claim.id}/apply-related`, { version: 1, source: { kind: "cluster", id: "x" } }, "source.kind"],
      ["POST", `/api/claims/${claim.id}/apply-related`, { version: 1, source: { kind: "annotation", id: claim.id } }, "source.id"],
      ["GET", "/api/claims?verdict=maybe", undefined, "verdict"],
      ["GET", "/api/claims?cursor=-1", undefined, "cursor"],
      ["GET", `/api/claims?q=${"x".repeat(201)}`, undefined, "q"],
      ["DELETE", "/api/assist/model?version=zero", undefined, "version"],
      ["POST", "/api/assist/aliases", { canonical: "X" }, "alias"],
      ["POST", "/api/assist/aliases", { alias: "   ", canonical: "X" }, "alias"],
      ["POST", "/api/assist/aliases", { alias: "A", canonical: "y".repeat(121) }, "canonical"],
      ["DELETE", "/api/assist/aliases/x", undefined, "version"],
    ];
    for (const [method, url, data, field] of cases) {
      const res = await send(request, method, url, data);
      expect(res.status(), `${method} ${url} ${JSON.stringify(data)}`).toBe(400);
      expect(await res.json(), `${method} ${url}`).toEqual({ error: expect.any(String), field });
    }
    const notJson = await request.post(decisions, { headers: { "content-type": "application/json" }, data: "{" });
    expect(notJson.status()).toBe(400);
    const big = await request.post(decisions, {
      data: { versionId, start: s.start, end: s.end, decision: "dismiss", pad: "x".repeat(8000) },
    });
    expect(big.status()).toBe(413);
    expect(await testDb().suggestionDismissal.count({ where: { articleId: desk.article.id } })).toBe(0);
  });

  test("decisions, related claims, apply, search, reset and aliases work end to end, with version checks", async ({ request }) => {
    const desk = await makeDesk();
    await signIn(request, desk.editor.email);
    const { versionId, s } = await firstSuggestion(request, desk);
    const decided = await request.post(`/api/articles/${desk.article.id}/suggestions/decisions`, {
      data: { versionId, start: s.start, end: s.end, decision: "dismiss" },
    });
    expect(await decided.json()).toEqual({ decision: "dismiss", learnt: true });
    const after = await (await request.get(`/api/articles/${desk.article.id}/suggestions`)).json();
    expect(after.suggestions.map((x: { start: number }) => x.start)).not.toContain(s.start);

    const model = await (await request.get("/api/assist/model")).json();
    expect(model.updates).toBe(1);
    expect((await request.delete(`/api/assist/model?version=${model.version + 1}`)).status()).toBe(409);
    const reset = await request.delete(`/api/assist/model?version=${model.version}`);
    expect(reset.status()).toBe(200);
    expect((await reset.json()).updates).toBe(0);

    const alias = await (
      await request.post("/api/assist/aliases", { data: { alias: "Blue House", canonical: "South Korean presidency" } })
    ).json();
    expect((await request.post("/api/assist/aliases", { data: { alias: "the blue house", canonical: "Y" } })).status()).toBe(409);
    expect((await request.delete(`/api/assist/aliases/${alias.id}?version=${alias.version + 1}`)).status()).toBe(409);
    expect((await request.delete(`/api/assist/aliases/${alias.id}?version=${alias.version}`)).status()).toBe(200);

    const claim = await claimOn(desk, desk.editor.id);
    const related = await request.get(`/api/claims/${claim.id}/related`);
    expect(related.status()).toBe(200);
    expect(await related.json()).toEqual([]);
    const search = await (await request.get("/api/claims?q=increase%20aid&verdict=disputed")).json();
    expect(search.rows.map((r: { id: string }) => r.id)).toEqual([claim.id]);
  });

  test("a reviewer reviewing blind cannot reach a co-reviewer's annotation through related claims or apply", async ({ request }) => {
    const desk = await makeDesk();
    const db = testDb();
    const reviewer2 = await db.user.create({
      data: { email: `r2-${desk.team.slug}@claimdesk.test`, memberships: { create: { teamId: desk.team.id, role: "reviewer" } } },
    });
    const version = { ...desk.version, articleId: desk.article.id };
    const round = await deskRound(db, { team: desk.team, version, editor: desk.editor, reviewers: [desk.reviewer, reviewer2] });
    const hidden = await annotateInRound(db, {
      team: desk.team,
      roundId: round.id,
      version,
      authorId: reviewer2.id,
      phrase: CALL,
      verdict: "verified",
    });
    const mine = await annotateInRound(db, {
      team: desk.team,
      roundId: round.id,
      version,
      authorId: desk.reviewer.id,
      phrase: "NATO wants to create a new Cold War in Asia.",
      verdict: "unsourced",
    });
    await signIn(request, desk.reviewer.email);
    expect((await request.get(`/api/claims/${hidden.id}/related`)).status()).toBe(404);
    const apply = await request.post(`/api/claims/${mine.id}/apply-related`, {
      data: { version: 1, source: { kind: "annotation", id: hidden.id } },
    });
    expect(apply.status()).toBe(404);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ verdict: "unsourced" });
    const search = await (await request.get("/api/claims")).json();
    expect(search.rows.map((r: { id: string }) => r.id)).toEqual([mine.id]);
  });
});
