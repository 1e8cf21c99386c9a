import type { APIRequestContext } from "@playwright/test";
import { test, expect, makeDesk, signIn, testDb } from "../support/fixtures";
import { findPhrase } from "@/seeds/evidence-factories";

const MIB = 1024 * 1024;

/** A claim on the first occurrence of `phrase` (code points), through the API. */
async function claimOn(request: APIRequestContext, desk: Awaited<ReturnType<typeof makeDesk>>, phrase: string) {
  const res = await request.post(`/api/articles/${desk.article.id}/claims`, {
    data: { versionId: desk.version.id, ...findPhrase(desk.text, phrase), verdict: "disputed" },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

test.describe("corrections API", () => {
  test("a correction makes version 2, re-anchors the claims, and versions can be compared", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const kept = await claimOn(request, desk, "Foreign Minister Park Jin and President Yoon Suk-yeol");
    const own = await claimOn(request, desk, "strengthenRelations with US allies");
    const text = desk.text.replace("strengthenRelations", "strengthen relations");
    const res = await request.post(`/api/articles/${desk.article.id}/versions`, { data: { version: 1, text } });
    expect(res.status()).toBe(201);
    const body = await res.json();
    expect(body.article).toMatchObject({ version: 2, currentVersion: { number: 2, text } });
    expect(body.reanchored).toEqual({ anchored: 0, moved: 1, drifted: 1, orphaned: 0 });

    const claims: { id: string; anchorState: string; exact: string; versionId: string }[] = await (
      await request.get(`/api/articles/${desk.article.id}/claims`)
    ).json();
    const byId = Object.fromEntries(claims.map((c) => [c.id, c]));
    expect(byId[kept.id]).toMatchObject({
      anchorState: "moved",
      exact: "Foreign Minister Park Jin and President Yoon Suk-yeol",
      versionId: body.article.currentVersion.id,
    });
    expect(byId[own.id]).toMatchObject({ anchorState: "drifted", exact: "strengthen relations with US allies" });

    const versions = await (await request.get(`/api/articles/${desk.article.id}/versions`)).json();
    expect(versions.map((v: { number: number; current: boolean }) => [v.number, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    const cmp = await (await request.get(`/api/articles/${desk.article.id}/versions/compare?from=1&to=2`)).json();
    expect(cmp.parts.filter((p: { kind: string }) => p.kind === "removed").map((p: { text: string }) => p.text.trim())).toEqual([
      "strengthenRelations",
    ]);
    expect((await testDb().articleVersion.findFirstOrThrow({ where: { articleId: desk.article.id, number: 1 } })).text).toBe(desk.text);

    const confirmed = await request.patch(`/api/claims/${own.id}/anchor`, { data: { version: own.version + 1, confirm: true } });
    expect(confirmed.status()).toBe(200);
    expect(await confirmed.json()).toMatchObject({ anchorState: "anchored", exact: "strengthen relations with US allies" });
  });

  test("a correction's reason is stored trimmed, audited, listed with the versions and printed in the reports", async ({
    request,
    desk,
  }) => {
    await signIn(request, desk.editor.email);
    const REASON = "The visit began on Sunday, January 29; the original said Monday.";
    const text = desk.text.replace("strengthenRelations", "strengthen relations");
    const res = await request.post(`/api/articles/${desk.article.id}/versions`, { data: { version: 1, text, reason: `  ${REASON}\n ` } });
    expect(res.status()).toBe(201);
    const row = await testDb().articleVersion.findFirstOrThrow({ where: { articleId: desk.article.id, number: 2 } });
    expect(row.reason).toBe(REASON);
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { objectId: desk.article.id, action: "article.correct" } });
    expect(audit.after).toMatchObject({ number: 2, reason: REASON });

    const versions: { number: number; reason: string | null }[] = await (
      await request.get(`/api/articles/${desk.article.id}/versions`)
    ).json();
    expect(versions.map((v) => [v.number, v.reason])).toEqual([
      [2, REASON],
      [1, null],
    ]);
    const md = await (await request.get(`/api/articles/${desk.article.id}/report?format=md`)).text();
    expect(md).toMatch(new RegExp(`\\| Corrections \\| version 2 \\\\\\(.*UTC\\\\\\): “${REASON}” \\|`));
    const html = await (await request.get(`/api/articles/${desk.article.id}/report?format=html`)).text();
    expect(html).toContain(`<dt>Corrections</dt><dd>version 2 (`);
    expect(html).toContain(`“${REASON}”`);

    // A correction without a reason (a script, an older client) is stored without one and says so in the reports.
    expect(
      (
        await request.post(`/api/articles/${desk.article.id}/versions`, { data: { version: 2, text: `${text}\nMore.`, reason: "   " } })
      ).status(),
    ).toBe(201);
    expect((await testDb().articleVersion.findFirstOrThrow({ where: { articleId: desk.article.id, number: 3 } })).reason).toBeNull();
    expect(await (await request.get(`/api/articles/${desk.article.id}/report?format=html`)).text()).toMatch(
      /version 3 \([^)]*\): no reason given/,
    );
  });

  test("claims that share an edit come through it alike: the two-word edit drifts a short claim and an overlapping long one both", async ({
    request,
    desk,
  }) => {
    await signIn(request, desk.editor.email);
    const short = await claimOn(request, desk, "called on Seoul to increase aid to Ukraine");
    const long = await claimOn(request, desk, "Mr Stoltenberg also called on Seoul to increase aid to Ukraine, especially military aid.");
    const text = desk.text.replace("increase aid to Ukraine", "send weapons to Ukraine");
    const res = await request.post(`/api/articles/${desk.article.id}/versions`, {
      data: { version: 1, text, reason: "Stoltenberg asked for weapons." },
    });
    expect(res.status()).toBe(201);
    expect((await res.json()).reanchored).toMatchObject({ drifted: 2, orphaned: 0 });
    const rows = await testDb().annotation.findMany({ where: { id: { in: [short.id, long.id] } } });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[short.id]).toMatchObject({ anchorState: "drifted", exact: "called on Seoul to send weapons to Ukraine" });
    expect(byId[long.id]).toMatchObject({
      anchorState: "drifted",
      exact: "Mr Stoltenberg also called on Seoul to send weapons to Ukraine, especially military aid.",
    });
    for (const r of rows) expect([...text].slice(r.start, r.end).join("")).toBe(r.exact);
    // The score says how much of each changed: more of the short one.
    expect(byId[short.id]!.anchorScore!).toBeLessThan(byId[long.id]!.anchorScore!);
  });

  test("another team gets 404 for versions, compare, corrections and anchors", async ({ playwright, request, desk }) => {
    await signIn(request, desk.editor.email);
    const claim = await claimOn(request, desk, "Park Jin");
    const other = await makeDesk();
    const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await signIn(stranger, other.editor.email);
    expect((await stranger.get(`/api/articles/${desk.article.id}/versions`)).status()).toBe(404);
    expect((await stranger.get(`/api/articles/${desk.article.id}/versions/compare?from=1&to=1`)).status()).toBe(404);
    expect((await stranger.post(`/api/articles/${desk.article.id}/versions`, { data: { version: 1, text: "Replaced." } })).status()).toBe(
      404,
    );
    expect((await stranger.patch(`/api/claims/${claim.id}/anchor`, { data: { version: claim.version, start: 0, end: 4 } })).status()).toBe(
      404,
    );
    expect(await testDb().articleVersion.count({ where: { articleId: desk.article.id } })).toBe(1);
    await stranger.dispose();
  });

  test("reviewers may not correct or place anchors (403)", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const claim = await claimOn(request, desk, "Park Jin");
    const res = await request.post(`/api/articles/${desk.article.id}/versions`, { data: { version: 1, text: `${desk.text} More.` } });
    expect(res.status()).toBe(403);
    expect((await request.patch(`/api/claims/${claim.id}/anchor`, { data: { version: claim.version, start: 0, end: 4 } })).status()).toBe(
      403,
    );
    const article = await (await request.get(`/api/articles/${desk.article.id}`)).json();
    expect(article.can).toEqual({ correct: false, placeAnchors: false, editMeta: false, delete: false, restore: false, publish: false });
  });

  test("malformed input gets 400 naming the field", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const claim = await claimOn(request, desk, "Park Jin");
    const url = `/api/articles/${desk.article.id}/versions`;
    const cases: [string, string, Record<string, unknown> | undefined, string][] = [
      ["POST", url, { text: "x" }, "version"],
      ["POST", url, { version: "1", text: "x" }, "version"],
      ["POST", url, { version: 1 }, "text"],
      ["POST", url, { version: 1, text: " \n " }, "text"],
      ["POST", url, { version: 1, text: desk.text }, "text"],
      ["POST", url, { version: 3_000_000_000, text: "x" }, "version"],
      ["POST", url, { version: 1, text: `${desk.text}\u0000` }, "text"],
      ["POST", url, { version: 1, text: desk.text.replace("Sunday", "Sun\u0001day") }, "text"],
      ["POST", url, { version: 1, text: desk.text.replace("Sunday", "Sun\u000bday") }, "text"],
      ["POST", url, { version: 1, text: desk.text.replace("Sunday", "Monday"), reason: "x".repeat(501) }, "reason"],
      ["POST", url, { version: 1, text: desk.text.replace("Sunday", "Monday"), reason: 42 }, "reason"],
      ["GET", `${url}/compare?from=one&to=2`, undefined, "from"],
      ["GET", `${url}/compare?from=1`, undefined, "to"],
      // Beyond the Int column: refused as input, never sent to the database.
      ["GET", `${url}/compare?from=3000000000&to=1`, undefined, "from"],
      ["GET", `${url}/compare?from=1&to=2147483648`, undefined, "to"],
      ["GET", `${url}/compare?from=1e12&to=1`, undefined, "from"],
      ["PATCH", `/api/claims/${claim.id}/anchor`, { version: claim.version }, "start"],
      ["PATCH", `/api/claims/${claim.id}/anchor`, { version: claim.version, start: 9, end: 3 }, "end"],
      ["PATCH", `/api/claims/${claim.id}/anchor`, { version: claim.version, start: 0, end: 9_999_999 }, "end"],
      ["PATCH", `/api/claims/${claim.id}/anchor`, { version: claim.version, confirm: true }, "confirm"],
    ];
    for (const [method, u, data, field] of cases) {
      const res = await request.fetch(u, { method, data });
      expect(res.status(), `${method} ${u} ${JSON.stringify(data)}`).toBe(400);
      expect((await res.json()).field, `${method} ${u} ${JSON.stringify(data)}`).toBe(field);
    }
    expect((await request.get(`${url}/compare?from=1&to=5`)).status()).toBe(404);
    expect((await request.get(`${url}/compare?from=1&to=2147483647`)).status()).toBe(404);
    expect(await testDb().articleVersion.count({ where: { articleId: desk.article.id } })).toBe(1);
  });

  test("a deleted claim's anchor gets 404; deleted before a correction and restored after it, it is listed in its new place", async ({
    request,
    desk,
  }) => {
    await signIn(request, desk.editor.email);
    const claim = await claimOn(request, desk, "Foreign Minister Park Jin and President Yoon Suk-yeol");
    expect((await request.delete(`/api/claims/${claim.id}?version=${claim.version}`)).status()).toBe(200);
    const anchor = await request.patch(`/api/claims/${claim.id}/anchor`, { data: { version: claim.version + 1, start: 0, end: 4 } });
    expect(anchor.status()).toBe(404);

    const text = `Editor's note: this article was corrected.\n${desk.text}`;
    const corrected = await request.post(`/api/articles/${desk.article.id}/versions`, { data: { version: 1, text } });
    expect(corrected.status()).toBe(201);
    expect((await corrected.json()).reanchored).toEqual({ anchored: 0, moved: 0, drifted: 0, orphaned: 0 });
    const row = await testDb().annotation.findUniqueOrThrow({ where: { id: claim.id } });
    const restored = await request.post(`/api/claims/${claim.id}/restore`, { data: { version: row.version } });
    expect(restored.status()).toBe(200);
    const claims: { id: string; start: number; end: number; exact: string; anchorState: string }[] = await (
      await request.get(`/api/articles/${desk.article.id}/claims`)
    ).json();
    const listed = claims.find((c) => c.id === claim.id);
    expect(listed).toMatchObject({ anchorState: "moved", exact: "Foreign Minister Park Jin and President Yoon Suk-yeol" });
    expect([...text].slice(listed!.start, listed!.end).join("")).toBe("Foreign Minister Park Jin and President Yoon Suk-yeol");
  });

  test("a stale correction or anchor gets 409 with the current state, and is not applied", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const claim = await claimOn(request, desk, "strengthenRelations");
    const url = `/api/articles/${desk.article.id}/versions`;
    expect(
      (await request.post(url, { data: { version: 1, text: desk.text.replace("strengthenRelations", "strengthen relations") } })).status(),
    ).toBe(201);
    const stale = await request.post(url, { data: { version: 1, text: desk.text.replace("Sunday", "Saturday") } });
    expect(stale.status()).toBe(409);
    const body = await stale.json();
    expect(body.current).toMatchObject({ version: 2, currentVersion: { number: 2 } });
    expect(body.current.currentVersion.text).toContain("strengthen relations");
    expect(await testDb().articleVersion.count({ where: { articleId: desk.article.id } })).toBe(2);

    // The claim was moved by the correction (version 2): the client's version 1 is stale.
    const anchor = await request.patch(`/api/claims/${claim.id}/anchor`, { data: { version: claim.version, confirm: true } });
    expect(anchor.status()).toBe(409);
    expect((await anchor.json()).current).toMatchObject({ id: claim.id, anchorState: "drifted", version: 2 });
  });

  test("a corrected text over the 1 MiB cap gets 413", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const res = await request.post(`/api/articles/${desk.article.id}/versions`, { data: { version: 1, text: "a".repeat(MIB + 1) } });
    expect(res.status()).toBe(413);
    expect(
      (await request.post(`/api/articles/${desk.article.id}/versions`, { data: { version: 1, text: "a".repeat(3 * MIB) } })).status(),
    ).toBe(413);
    expect(await testDb().articleVersion.count({ where: { articleId: desk.article.id } })).toBe(1);
  });
});
