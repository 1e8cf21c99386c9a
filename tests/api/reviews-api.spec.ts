import { test, expect, signIn, signedInRequest, testDb, expectSignedOutRefused } from "../support/fixtures";
import { makeReviewDesk, makeRevealedRound } from "../support/review-desk";
import { decideForTest } from "@/seeds/review-factories";
import { findPhrase } from "@/seeds/evidence-factories";
import { callAs, openEventStream, signInAt } from "../support/app-instance";

test.describe("team review API", () => {
  test("should require authentication on every endpoint", async ({ request }) => {
    const endpoints: [string, string][] = [
      ["GET", "/api/reviews"],
      ["POST", "/api/reviews"],
      ["GET", "/api/reviews/x"],
      ["POST", "/api/reviews/x/submit"],
      ["POST", "/api/reviews/x/reopen"],
      ["POST", "/api/reviews/x/reveal"],
      ["POST", "/api/reviews/x/close"],
      ["POST", "/api/reviews/x/accept-agreed"],
      ["GET", "/api/reviews/x/agreement"],
      ["POST", "/api/clusters/x/decisions"],
      ["GET", "/api/articles/x/round"],
      ["GET", "/api/articles/x/final-claims"],
      ["GET", "/api/queue"],
      ["GET", "/api/agreement"],
      ["GET", "/api/comments?clusterId=x"],
      ["POST", "/api/comments"],
      ["GET", "/api/notifications"],
      ["POST", "/api/notifications/read"],
      ["GET", "/api/events"],
      ["GET", "/api/team/members"],
    ];
    await expectSignedOutRefused(request, endpoints);
  });

  test("another team gets 404 for rounds, clusters, threads and articles", async ({ playwright }) => {
    const desk = await makeRevealedRound();
    const other = await makeReviewDesk();
    const stranger = await signedInRequest(playwright, other.editor.email);
    const cluster = desk.clusters[0]!;
    const calls: [string, string, unknown?][] = [
      ["GET", `/api/reviews/${desk.round.id}`],
      ["POST", `/api/reviews/${desk.round.id}/submit`],
      ["POST", `/api/reviews/${desk.round.id}/reopen`],
      ["POST", `/api/reviews/${desk.round.id}/reveal`, { version: 1 }],
      ["POST", `/api/reviews/${desk.round.id}/close`, { version: 1 }],
      ["POST", `/api/reviews/${desk.round.id}/accept-agreed`, { clusters: [{ id: cluster.id, version: 1 }] }],
      ["GET", `/api/reviews/${desk.round.id}/agreement`],
      ["POST", `/api/clusters/${cluster.id}/decisions`, { version: 1, action: "reject", rationale: "x" }],
      ["GET", `/api/comments?clusterId=${cluster.id}`],
      ["POST", "/api/comments", { clusterId: cluster.id, body: "<p>hi</p>" }],
      ["GET", `/api/articles/${desk.article.id}/round`],
      ["GET", `/api/articles/${desk.article.id}/final-claims`],
      ["POST", "/api/reviews", { articleId: desk.article.id, reviewerIds: [other.reviewer1.id], adjudicatorId: other.editor.id }],
    ];
    for (const [method, url, data] of calls) {
      const res = await stranger.fetch(url, { method, data });
      expect(res.status(), `${method} ${url}`).toBe(404);
    }
    const list = await (await stranger.get("/api/reviews")).json();
    expect(list).toEqual([]);
    expect(await testDb().decision.count({ where: { clusterId: cluster.id } })).toBe(0);
    await stranger.dispose();
  });

  test("another team gets 404 for a final claim's thread, and sees none of the team's agreement or queue", async ({ playwright }) => {
    const desk = await makeRevealedRound();
    const agreed = desk.clusters[0]!;
    await decideForTest(testDb(), {
      team: desk.team,
      cluster: agreed,
      version: desk.version,
      deciderId: desk.editor.id,
      action: "accept",
      boundary: agreed.members[0]!.annotation.id,
      span: { start: agreed.start, end: agreed.end },
      verdict: "disputed",
    });
    const claim = await testDb().claim.findUniqueOrThrow({ where: { clusterId: agreed.id } });
    const other = await makeReviewDesk();

    // The team itself reaches the claim's thread, sees its round in the series and the reviewer's queue.
    const owner = await signedInRequest(playwright, desk.editor.email);
    expect((await owner.get(`/api/comments?claimId=${claim.id}`)).status()).toBe(200);
    expect((await (await owner.get("/api/agreement")).json()).map((p: { roundId: string }) => p.roundId)).toEqual([desk.round.id]);
    const reviewer = await signedInRequest(playwright, desk.reviewer1.email);
    expect((await (await reviewer.get("/api/queue")).json()).map((q: { roundId: string }) => q.roundId)).toEqual([desk.round.id]);

    const strangerEditor = await signedInRequest(playwright, other.editor.email);
    const read = await strangerEditor.get(`/api/comments?claimId=${claim.id}`);
    expect(read.status()).toBe(404);
    const post = await strangerEditor.post("/api/comments", { data: { claimId: claim.id, body: "<p>hi</p>" } });
    expect(post.status()).toBe(404);
    expect(await testDb().comment.count({ where: { claimId: claim.id } })).toBe(0);
    const agreement = await strangerEditor.get("/api/agreement");
    expect(agreement.status()).toBe(200);
    expect(await agreement.json()).toEqual([]);
    const strangerReviewer = await signedInRequest(playwright, other.reviewer1.email);
    const queue = await strangerReviewer.get("/api/queue");
    expect(queue.status()).toBe(200);
    expect(await queue.json()).toEqual([]);
    await Promise.all([owner.dispose(), reviewer.dispose(), strangerEditor.dispose(), strangerReviewer.dispose()]);
  });

  test("reviewers get 403 for editors' actions, and outsiders of a round may not submit", async ({ request, playwright }) => {
    const desk = await makeRevealedRound();
    await signIn(request, desk.reviewer1.email);
    const cluster = desk.clusters[0]!;
    for (const [url, data] of [
      ["/api/reviews", { articleId: desk.article.id, reviewerIds: [desk.reviewer1.id], adjudicatorId: desk.editor.id }],
      [`/api/reviews/${desk.round.id}/reveal`, { version: 1 }],
      [`/api/reviews/${desk.round.id}/close`, { version: 1 }],
      [`/api/reviews/${desk.round.id}/accept-agreed`, { clusters: [{ id: cluster.id, version: 1 }] }],
      [`/api/clusters/${cluster.id}/decisions`, { version: 1, action: "accept", boundary: "union", verdict: "verified" }],
    ] as const) {
      expect((await request.post(url, { data })).status(), url).toBe(403);
    }
    const fresh = await makeReviewDesk();
    const editor = await signedInRequest(playwright, fresh.editor.email);
    const started = await editor.post("/api/reviews", {
      data: { articleId: fresh.article.id, reviewerIds: [fresh.reviewer1.id], adjudicatorId: fresh.editor.id },
    });
    expect(started.status()).toBe(201);
    const outsider = await signedInRequest(playwright, fresh.reviewer2.email);
    const res = await outsider.post(`/api/reviews/${(await started.json()).id}/submit`);
    expect(res.status()).toBe(403);
    expect((await res.json()).error).toMatch(/not a reviewer/);
    await editor.dispose();
    await outsider.dispose();
  });

  test("malformed input gets 400 naming the field, and an oversized comment 413", async ({ request }) => {
    const desk = await makeRevealedRound();
    await signIn(request, desk.editor.email);
    const [agreed, , conflict] = desk.clusters;
    const start = { articleId: desk.article.id, reviewerIds: [desk.reviewer1.id], adjudicatorId: desk.editor.id };
    const cases: [string, unknown, string][] = [
      ["/api/reviews", { ...start, reviewerIds: [] }, "reviewerIds"],
      ["/api/reviews", { ...start, dueDate: "2024-02-30" }, "dueDate"],
      ["/api/reviews", { ...start, dueDate: "2020-01-01" }, "dueDate"],
      ["/api/reviews", { ...start, adjudicatorId: undefined }, "adjudicatorId"],
      [`/api/reviews/${desk.round.id}/reveal`, { version: "one" }, "version"],
      [`/api/clusters/${conflict!.id}/decisions`, { version: conflict!.version, action: "accept", boundary: "union" }, "verdict"],
      [
        `/api/clusters/${conflict!.id}/decisions`,
        { version: conflict!.version, action: "accept", boundary: "union", verdict: "verified" },
        "rationale",
      ],
      [
        `/api/clusters/${conflict!.id}/decisions`,
        { version: conflict!.version, action: "accept", boundary: "custom", verdict: "verified", rationale: "x" },
        "start",
      ],
      [`/api/clusters/${agreed!.id}/decisions`, { version: agreed!.version, action: "maybe" }, "action"],
      [`/api/clusters/${agreed!.id}/decisions`, { action: "reject", rationale: "x" }, "version"],
      ["/api/comments", { body: "<p>x</p>" }, "clusterId"],
      ["/api/comments", { clusterId: conflict!.id, claimId: conflict!.id, body: "<p>x</p>" }, "clusterId"],
      ["/api/comments", { clusterId: conflict!.id, body: "<p> </p>" }, "body"],
      [`/api/reviews/${desk.round.id}/accept-agreed`, { clusters: [] }, "clusters"],
      [`/api/reviews/${desk.round.id}/accept-agreed`, { clusters: [{ id: agreed!.id, version: "1" }] }, "clusters.0.version"],
      [`/api/reviews/${desk.round.id}/accept-agreed`, { clusters: [{ id: agreed!.id, version: 0 }] }, "clusters.0.version"],
      [`/api/reviews/${desk.round.id}/close`, { version: "x" }, "version"],
      ["/api/notifications/read", { ids: "all" }, "ids"],
    ];
    for (const [url, data, field] of cases) {
      const res = await request.post(url, { data });
      expect(res.status(), `${url} ${JSON.stringify(data)}`).toBe(400);
      expect((await res.json()).field, url).toBe(field);
    }
    const bare = await request.get("/api/comments");
    expect(bare.status()).toBe(400);
    expect((await bare.json()).field).toBe("clusterId");
    const both = await request.get(`/api/comments?clusterId=${conflict!.id}&claimId=${conflict!.id}`);
    expect(both.status()).toBe(400);
    expect((await both.json()).field).toBe("clusterId");
    const huge = await request.post("/api/comments", { data: { clusterId: conflict!.id, body: "x".repeat(100_000) } });
    expect(huge.status()).toBe(413);
    expect(await testDb().comment.count({ where: { clusterId: conflict!.id } })).toBe(0);
    expect(await testDb().decision.count({ where: { clusterId: { in: [conflict!.id, agreed!.id] } } })).toBe(0);
    expect((await testDb().reviewRound.findUniqueOrThrow({ where: { id: desk.round.id } })).status).toBe("revealed");
  });

  test("stale and out-of-turn requests get 409 with the current state, and nothing is overwritten", async ({ request, playwright }) => {
    const desk = await makeRevealedRound();
    await signIn(request, desk.editor.email);
    const conflict = desk.clusters[2]!;
    const first = await request.post(`/api/clusters/${conflict.id}/decisions`, {
      data: { version: conflict.version, action: "accept", boundary: "union", verdict: "disputed", rationale: "<p>First</p>" },
    });
    expect(first.status()).toBe(201);
    const second = await signedInRequest(playwright, desk.editor2.email);
    const stale = await second.post(`/api/clusters/${conflict.id}/decisions`, {
      data: { version: conflict.version, action: "reject", rationale: "<p>Second</p>" },
    });
    expect(stale.status()).toBe(409);
    const body = await stale.json();
    expect(body.current).toMatchObject({ id: conflict.id, status: "decided", decision: { rationaleHtml: "<p>First</p>" } });
    expect(await testDb().decision.count({ where: { clusterId: conflict.id } })).toBe(1);

    const round = await (await request.get(`/api/reviews/${desk.round.id}`)).json();
    expect((await request.post(`/api/reviews/${desk.round.id}/reveal`, { data: { version: round.version } })).status()).toBe(409);
    const close = await request.post(`/api/reviews/${desk.round.id}/close`, { data: { version: round.version } });
    expect(close.status()).toBe(409);
    expect((await close.json()).current.status).toBe("revealed");
    const r1 = await signedInRequest(playwright, desk.reviewer1.email);
    expect((await r1.post(`/api/reviews/${desk.round.id}/reopen`)).status()).toBe(409);
    await Promise.all([second.dispose(), r1.dispose()]);
  });

  test("a round runs through the API: start, blind annotate, submit, reveal, decide, feedback, agreement, final claims", async ({
    request,
    playwright,
  }) => {
    const desk = await makeReviewDesk();
    await signIn(request, desk.editor.email);
    const members = await (await request.get("/api/team/members")).json();
    expect(members.map((m: { id: string }) => m.id).sort()).toEqual(
      [desk.editor.id, desk.editor2.id, desk.reviewer1.id, desk.reviewer2.id].sort(),
    );
    const created = await request.post("/api/reviews", {
      data: {
        articleId: desk.article.id,
        reviewerIds: [desk.reviewer1.id, desk.reviewer2.id],
        adjudicatorId: desk.editor.id,
        dueDate: "2031-05-01",
      },
    });
    expect(created.status()).toBe(201);
    const round = await created.json();
    const text = desk.version.text;
    for (const [email, verdict] of [
      [desk.reviewer1.email, "disputed"],
      [desk.reviewer2.email, "verified"],
    ] as const) {
      const r = await signedInRequest(playwright, email);
      expect((await (await r.get("/api/queue")).json())[0]).toMatchObject({ roundId: round.id, dueDate: "2031-05-01" });
      const c = await r.post(`/api/articles/${desk.article.id}/claims`, {
        data: { versionId: desk.version.id, ...findPhrase(text, "the NATO summit in Madrid"), verdict },
      });
      expect(c.status()).toBe(201);
      expect(await (await r.get(`/api/articles/${desk.article.id}/claims`)).json()).toHaveLength(1);
      expect((await r.post(`/api/reviews/${round.id}/submit`)).status()).toBe(200);
      await r.dispose();
    }
    const detail = await (await request.get(`/api/reviews/${round.id}`)).json();
    expect(detail.status).toBe("revealed");
    expect(detail.clusters.map((c: { kind: string }) => c.kind)).toEqual(["verdict_conflict"]);
    const decided = await request.post(`/api/clusters/${detail.clusters[0].id}/decisions`, {
      data: {
        version: detail.clusters[0].version,
        action: "accept",
        boundary: "union",
        verdict: "disputed",
        rationale: "<p>Madrid was in June 2022.</p>",
      },
    });
    expect(decided.status()).toBe(201);
    const agreement = await (await request.get(`/api/reviews/${round.id}/agreement`)).json();
    expect(agreement).toMatchObject({ matchedClusters: 1, pairs: [{ matched: 1, sameVerdict: 0 }] });
    expect((await (await request.get("/api/agreement")).json())[0]).toMatchObject({ roundId: round.id });
    const finals = await (await request.get(`/api/articles/${desk.article.id}/final-claims`)).json();
    expect(finals).toEqual([expect.objectContaining({ exact: "the NATO summit in Madrid", verdict: "disputed", source: "round" })]);
    const r2 = await signedInRequest(playwright, desk.reviewer2.email);
    const state = await (await r2.get(`/api/articles/${desk.article.id}/round`)).json();
    expect(Object.values(state.outcomes)).toEqual([
      expect.objectContaining({ outcome: "changed", claim: { exact: "the NATO summit in Madrid", verdict: "disputed" } }),
    ]);
    await r2.dispose();
  });

  test("comments mention teammates, who see a notification they can mark read", async ({ request, playwright }) => {
    const desk = await makeRevealedRound();
    await signIn(request, desk.reviewer1.email);
    const cluster = desk.clusters[2]!;
    const handle = desk.reviewer2.email.split("@")[0];
    const posted = await request.post("/api/comments", {
      data: { clusterId: cluster.id, body: `<p>@${handle} which source did you use?</p><script>x()</script>` },
    });
    expect(posted.status()).toBe(201);
    const comment = (await posted.json()) as { id: string; bodyHtml: string };
    expect(comment.bodyHtml).toBe(`<p>@${handle} which source did you use?</p>`);
    expect(await (await request.get(`/api/comments?clusterId=${cluster.id}`)).json()).toHaveLength(1);
    const r2 = await signedInRequest(playwright, desk.reviewer2.email);
    const inbox = await (await r2.get("/api/notifications")).json();
    expect(inbox.unread).toBe(1);
    // The notification's link opens the cluster's discussion at the comment.
    expect(inbox.items[0]).toMatchObject({
      kind: "mention",
      url: `/reviews/${desk.round.id}?cluster=${cluster.id}&discuss=1&comment=${comment.id}#cluster-card-${cluster.id}`,
    });
    expect((await (await r2.post("/api/notifications/read", { data: {} })).json()).unread).toBe(0);
    await r2.dispose();
  });

  test("the event stream is server-sent events of the caller's team", async () => {
    const [mine, theirs] = [await makeReviewDesk(), await makeReviewDesk()];
    const base = test.info().project.use.baseURL!;
    const stream = await openEventStream(base, await signInAt(base, mine.editor.email));
    try {
      expect(stream.contentType).toContain("text/event-stream");
      // The stream subscribes before it writes its first chunk, so every change from here on reaches it.
      expect(await stream.nextChunk()).toContain("retry: 3000");
      const claimAs = async (desk: typeof mine, phrase: string) => {
        const r = await callAs<{ id: string }>(
          base,
          await signInAt(base, desk.editor.email),
          "POST",
          `/api/articles/${desk.article.id}/claims`,
          {
            versionId: desk.version.id,
            ...findPhrase(desk.version.text, phrase),
            verdict: "disputed",
          },
        );
        expect(r.status).toBe(201);
        return r.body.id;
      };
      // Another team's change goes out first; only the caller's team's two changes may arrive.
      const foreign = await claimAs(theirs, "the NATO summit in Madrid");
      const first = await claimAs(mine, "the NATO summit in Madrid");
      const second = await claimAs(mine, "Park Jin");
      const events = [await stream.nextEvent(), await stream.nextEvent()];
      expect(events).toEqual([
        expect.objectContaining({ team: mine.team.id, article: mine.article.id, kind: "annotation", id: first }),
        expect.objectContaining({ team: mine.team.id, article: mine.article.id, kind: "annotation", id: second }),
      ]);
      expect(stream.text()).not.toContain(theirs.team.id);
      expect(stream.text()).not.toContain(foreign);
    } finally {
      stream.close();
    }
  });
});
