/**
 * Discussion on every claim over HTTP — threads on an
 * annotation with replies, resolve and reopen, deletes as tombstones, the
 * cards' counts, a mention's notification — and the refusals: signed out
 * (401), another team (404), wrong person (403), malformed input (400 naming
 * the field), stale versions (409). Blind review of threads is in
 * tests/api/authorization-matrix.spec.ts (the hidden draft's thread) and below.
 */
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect, makeDesk, signIn, signedInRequest, testDb } from "../support/fixtures";
import { createClaimOnPhrase } from "@/seeds/evidence-factories";
import { createUser } from "@/seeds/factories";
import { annotateInRound, deskRound } from "@/seeds/review-factories";

test.describe.configure({ mode: "parallel" });

const PHRASE = "after a one-day visit to South Korea";
type Comment = {
  id: string;
  parentId: string | null;
  version: number;
  bodyHtml: string;
  deletedAt: string | null;
  resolved: unknown;
  mentions: { id: string }[];
  can: Record<string, boolean>;
};

async function deskWithClaim() {
  const desk = await makeDesk();
  const claim = await createClaimOnPhrase(testDb(), {
    team: desk.team,
    version: desk.version,
    authorId: desk.reviewer.id,
    phrase: PHRASE,
    verdict: "disputed",
  });
  return { ...desk, claim };
}
const post = async (request: APIRequestContext, data: unknown) => request.post("/api/comments", { data });

test.describe("discussion API", () => {
  test("a thread on a claim: comment with a mention, reply, resolve, reopen, delete, and the card's count", async ({
    request,
    playwright,
  }) => {
    const desk = await deskWithClaim();
    await signIn(request, desk.editor.email);
    const first = await post(request, {
      annotationId: desk.claim.id,
      body: `<p><span data-type="mention" data-id="${desk.reviewer.id}" data-label="R">@R</span> source?</p>`,
    });
    expect(first.status()).toBe(201);
    const root = (await first.json()) as Comment;
    expect(root.mentions.map((m) => m.id)).toEqual([desk.reviewer.id]);
    const note = await testDb().notification.findFirstOrThrow({ where: { userId: desk.reviewer.id, kind: "mention" } });
    expect(note.url).toBe(`/articles/${desk.article.id}?claim=${desk.claim.id}&discuss=1&comment=${root.id}`);

    const reviewer = await signedInRequest(playwright, desk.reviewer.email);
    const reply = (await (
      await post(reviewer, { annotationId: desk.claim.id, parentId: root.id, body: "<p>Yonhap.</p>" })
    ).json()) as Comment;
    expect(reply.parentId).toBe(root.id);
    // A reply to a reply joins the thread.
    const nested = (await (
      await post(request, { annotationId: desk.claim.id, parentId: reply.id, body: "<p>Thanks.</p>" })
    ).json()) as Comment;
    expect(nested.parentId).toBe(root.id);

    let counts = await (await request.get(`/api/articles/${desk.article.id}/discussions`)).json();
    expect(counts).toEqual({ [desk.claim.id]: { comments: 3, open: 1 } });

    // The claim's author may resolve the thread; a stale version is a 409 with the thread's first comment as it is.
    const resolved = await reviewer.post(`/api/comments/${root.id}/resolve`, { data: { version: root.version, resolved: true } });
    expect(resolved.status()).toBe(200);
    const stale = await request.post(`/api/comments/${root.id}/resolve`, { data: { version: root.version, resolved: false } });
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toMatchObject({ error: expect.any(String), current: { id: root.id, version: root.version + 1 } });
    counts = await (await request.get(`/api/articles/${desk.article.id}/discussions`)).json();
    expect(counts).toEqual({ [desk.claim.id]: { comments: 3, open: 0 } });
    const reopened = await request.post(`/api/comments/${root.id}/resolve`, { data: { version: root.version + 1, resolved: false } });
    expect(((await reopened.json()) as Comment).resolved).toBeNull();

    // Only its author deletes a comment; a deleted one keeps its place, without its body.
    expect((await reviewer.delete(`/api/comments/${root.id}?version=${root.version + 2}`)).status()).toBe(403);
    const deleted = await request.delete(`/api/comments/${root.id}?version=${root.version + 2}`);
    expect(deleted.status()).toBe(200);
    const list = (await (await reviewer.get(`/api/comments?annotationId=${desk.claim.id}`)).json()) as Comment[];
    expect(list.map((c) => [c.id, c.bodyHtml === "", !!c.deletedAt])).toEqual([
      [root.id, true, true],
      [reply.id, false, false],
      [nested.id, false, false],
    ]);
    const row = await testDb().comment.findUniqueOrThrow({ where: { id: root.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(
      await testDb().auditEvent.count({
        where: { objectId: root.id, action: { in: ["comment.resolve", "comment.reopen", "comment.delete"] } },
      }),
    ).toBe(3);
    await reviewer.dispose();
  });

  test("signed out gets 401 on every endpoint", async ({ request }) => {
    const desk = await deskWithClaim();
    const calls = [
      () => request.get(`/api/comments?annotationId=${desk.claim.id}`),
      () => post(request, { annotationId: desk.claim.id, body: "<p>x</p>" }),
      () => request.patch("/api/comments/x", { data: { version: 1, body: "<p>x</p>" } }),
      () => request.delete("/api/comments/x?version=1"),
      () => request.post("/api/comments/x/resolve", { data: { version: 1, resolved: true } }),
      () => request.get(`/api/articles/${desk.article.id}/discussions`),
      () => request.get("/api/notifications"),
      () => request.patch("/api/notifications/x", { data: { read: true } }),
      () => request.get("/api/account/notifications"),
      () => request.patch("/api/account/notifications", { data: { teamId: desk.team.id, version: 1, email: "none" } }),
    ];
    for (const call of calls) {
      const res = await call();
      expect(res.status(), res.url()).toBe(401);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
  });

  test("another team gets 404, and nothing is written", async ({ request, playwright }) => {
    const desk = await deskWithClaim();
    await signIn(request, desk.editor.email);
    const root = (await (await post(request, { annotationId: desk.claim.id, body: "<p>Ours.</p>" })).json()) as Comment;
    const other = await makeDesk();
    const stranger = await signedInRequest(playwright, other.editor.email);
    const calls = [
      () => stranger.get(`/api/comments?annotationId=${desk.claim.id}`),
      () => post(stranger, { annotationId: desk.claim.id, body: "<p>Theirs.</p>" }),
      () => post(stranger, { annotationId: other.article.id, parentId: root.id, body: "<p>Theirs.</p>" }),
      () => stranger.patch(`/api/comments/${root.id}`, { data: { version: 1, body: "<p>x</p>" } }),
      () => stranger.delete(`/api/comments/${root.id}?version=1`),
      () => stranger.post(`/api/comments/${root.id}/resolve`, { data: { version: 1, resolved: true } }),
      () => stranger.get(`/api/articles/${desk.article.id}/discussions`),
      () => stranger.patch(`/api/account/notifications`, { data: { teamId: desk.team.id, version: 1, email: "none" } }),
    ];
    for (const call of calls) {
      const res = await call();
      expect(res.status(), res.url()).toBe(404);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    expect(await testDb().comment.count({ where: { annotationId: desk.claim.id } })).toBe(1);
    expect(await testDb().comment.findUniqueOrThrow({ where: { id: root.id } })).toMatchObject({
      version: 1,
      deletedAt: null,
      resolvedAt: null,
    });
    await stranger.dispose();
  });

  test("the wrong person gets 403: editing or deleting another's comment, resolving another's thread on another's claim", async ({
    request,
    playwright,
  }) => {
    const desk = await deskWithClaim();
    const third = await createUser(testDb(), { team: desk.team, role: "reviewer" });
    await signIn(request, desk.editor.email);
    const root = (await (await post(request, { annotationId: desk.claim.id, body: "<p>Editor's.</p>" })).json()) as Comment;
    const other = await signedInRequest(playwright, third.email);
    for (const res of [
      await other.patch(`/api/comments/${root.id}`, { data: { version: 1, body: "<p>Mine now.</p>" } }),
      await other.delete(`/api/comments/${root.id}?version=1`),
      await other.post(`/api/comments/${root.id}/resolve`, { data: { version: 1, resolved: true } }),
    ]) {
      expect(res.status(), res.url()).toBe(403);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    expect(await testDb().comment.findUniqueOrThrow({ where: { id: root.id } })).toMatchObject({
      bodyHtml: "<p>Editor's.</p>",
      version: 1,
    });
    await other.dispose();
  });

  test("malformed input gets 400 naming the field, and the thread is unchanged", async ({ request }) => {
    const desk = await deskWithClaim();
    await signIn(request, desk.editor.email);
    const root = (await (await post(request, { annotationId: desk.claim.id, body: "<p>Start.</p>" })).json()) as Comment;
    const cases: [() => Promise<APIResponse>, string][] = [
      [() => post(request, { body: "<p>x</p>" }), "clusterId"],
      [() => post(request, { annotationId: desk.claim.id, claimId: "x", body: "<p>x</p>" }), "clusterId"],
      [() => post(request, { annotationId: desk.claim.id }), "body"],
      [() => post(request, { annotationId: desk.claim.id, body: "<p> </p>" }), "body"],
      [() => post(request, { annotationId: desk.claim.id, body: "x".repeat(20_001) }), "body"],
      [() => post(request, { annotationId: "a".repeat(65), body: "<p>x</p>" }), "annotationId"],
      [() => post(request, { annotationId: desk.claim.id, parentId: 5, body: "<p>x</p>" }), "parentId"],
      [() => request.get("/api/comments"), "clusterId"],
      [() => request.patch(`/api/comments/${root.id}`, { data: { body: "<p>x</p>" } }), "version"],
      [() => request.patch(`/api/comments/${root.id}`, { data: { version: 1, body: "" } }), "body"],
      [() => request.delete(`/api/comments/${root.id}`), "version"],
      [() => request.delete(`/api/comments/${root.id}?version=zero`), "version"],
      [() => request.post(`/api/comments/${root.id}/resolve`, { data: { version: 1 } }), "resolved"],
      [() => request.post(`/api/comments/${root.id}/resolve`, { data: { version: 1, resolved: "yes" } }), "resolved"],
      [() => request.get("/api/notifications?limit=1000"), "limit"],
      [() => request.get("/api/notifications?before=yesterday"), "before"],
      [() => request.patch("/api/notifications/x", { data: { read: "no" } }), "read"],
      [() => request.patch("/api/account/notifications", { data: { teamId: desk.team.id, version: 1, email: "hourly" } }), "email"],
    ];
    // One at a time: a burst on a cold server may meet load shedding (503), which is not what this checks.
    for (const [call, field] of cases) {
      const res = await call();
      expect(res.status(), `${res.url()} ${field}`).toBe(400);
      expect(await res.json(), `${res.url()} ${field}`).toMatchObject({ error: expect.any(String), field });
    }
    expect(await testDb().comment.count({ where: { annotationId: desk.claim.id } })).toBe(1);
    expect(await testDb().comment.findUniqueOrThrow({ where: { id: root.id } })).toMatchObject({ bodyHtml: "<p>Start.</p>", version: 1 });
  });

  test("during a blind round a co-reviewer's thread is hidden: 404, not counted, and its mention not listed", async ({
    request,
    playwright,
  }) => {
    const desk = await makeDesk();
    const db = testDb();
    const ben = await createUser(db, { team: desk.team, role: "reviewer" });
    const v = { id: desk.version.id, articleId: desk.article.id, text: desk.text };
    const round = await deskRound(db, { team: desk.team, version: v, editor: desk.editor, reviewers: [desk.reviewer, ben] });
    const draft = await annotateInRound(db, {
      team: desk.team,
      roundId: round.id,
      version: v,
      authorId: desk.reviewer.id,
      phrase: PHRASE,
      verdict: "disputed",
    });
    await signIn(request, desk.reviewer.email);
    const mine = await post(request, {
      annotationId: draft.id,
      body: `<p><span data-type="mention" data-id="${ben.id}" data-label="Ben">@Ben</span> secret-thread</p>`,
    });
    expect(mine.status()).toBe(201);
    const root = (await mine.json()) as Comment;

    const coReviewer = await signedInRequest(playwright, ben.email);
    expect((await coReviewer.get(`/api/comments?annotationId=${draft.id}`)).status()).toBe(404);
    expect((await post(coReviewer, { annotationId: draft.id, parentId: root.id, body: "<p>Peek.</p>" })).status()).toBe(404);
    expect((await coReviewer.post(`/api/comments/${root.id}/resolve`, { data: { version: 1, resolved: true } })).status()).toBe(404);
    expect(await (await coReviewer.get(`/api/articles/${desk.article.id}/discussions`)).json()).toEqual({});
    const inbox = await (await coReviewer.get("/api/notifications")).text();
    expect(inbox).not.toContain("secret-thread");
    expect(inbox).not.toContain(root.id);
    expect(JSON.parse(inbox)).toMatchObject({ unread: 0 });
    // The editor outside the round does not see the draft's thread either.
    const editor = await signedInRequest(playwright, desk.editor.email);
    expect((await editor.get(`/api/comments?annotationId=${draft.id}`)).status()).toBe(404);
    // The author does.
    expect(await (await request.get(`/api/articles/${desk.article.id}/discussions`)).json()).toEqual({
      [draft.id]: { comments: 1, open: 1 },
    });
    await Promise.all([coReviewer.dispose(), editor.dispose()]);
  });
});
