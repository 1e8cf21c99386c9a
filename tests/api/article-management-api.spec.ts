import { readFileSync } from "node:fs";
import { test, expect, makeDesk, signIn, signedInRequest, testDb, expectSignedOutRefused } from "../support/fixtures";
import { createUser } from "@/seeds/factories";
import { send, startPageServer, type PageServer } from "../support/page-server";

const page = readFileSync(new URL("../fixtures/extraction/wp-council-budget.html", import.meta.url));
let server: PageServer;
test.beforeAll(async () => {
  server = await startPageServer({
    "/news": send(page),
    "/pdf": send("%PDF-1.7", { "Content-Type": "application/pdf" }),
    "/to-private": (_q, r) => void r.writeHead(302, { Location: "http://10.0.0.1/" }).end(),
  });
});
test.afterAll(() => server.close());

test.describe("article management API", () => {
  test("should require authentication", async ({ request, desk }) => {
    await expectSignedOutRefused(request, [
      ["GET", "/api/articles?q=nato&sort=claims"],
      ["POST", "/api/articles/fetch"],
      ["PATCH", `/api/articles/${desk.article.id}`],
      ["DELETE", `/api/articles/${desk.article.id}?version=1`],
      ["POST", `/api/articles/${desk.article.id}/restore`],
      ["GET", `/api/articles/${desk.article.id}/snapshot`],
    ]);
  });

  test("another team's article is a 404 for every change, and never listed", async ({ playwright, desk }) => {
    const other = await makeDesk();
    const stranger = await signedInRequest(playwright, other.editor.email);
    const id = desk.article.id;
    expect((await stranger.patch(`/api/articles/${id}`, { data: { version: 1, title: "Mine now" } })).status()).toBe(404);
    expect((await stranger.delete(`/api/articles/${id}?version=1`)).status()).toBe(404);
    expect((await stranger.get(`/api/articles/${id}/snapshot`)).status()).toBe(404);
    const admin = await createUser(testDb(), { team: other.team, role: "admin" });
    const strangerAdmin = await signedInRequest(playwright, admin.email);
    expect((await strangerAdmin.post(`/api/articles/${id}/restore`, { data: { version: 1 } })).status()).toBe(404);
    const listed = await (await stranger.get(`/api/articles?q=${encodeURIComponent(desk.text.split(" ")[1]!)}`)).json();
    expect(listed.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await testDb().article.findUniqueOrThrow({ where: { id } })).title).toBe(`Article ${desk.team.slug}`);
    await stranger.dispose();
    await strangerAdmin.dispose();
  });

  test("a reviewer cannot change, delete or restore; an editor cannot restore nor list deleted articles", async ({
    request,
    playwright,
    desk,
  }) => {
    await signIn(request, desk.reviewer.email);
    const id = desk.article.id;
    for (const res of [
      await request.patch(`/api/articles/${id}`, { data: { version: 1, title: "Reviewer's title" } }),
      await request.delete(`/api/articles/${id}?version=1`),
    ]) {
      expect(res.status()).toBe(403);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    const editor = await signedInRequest(playwright, desk.editor.email);
    expect((await editor.get("/api/articles?deleted=1")).status()).toBe(403);
    expect((await editor.post(`/api/articles/${id}/restore`, { data: { version: 1 } })).status()).toBe(403);
    expect(await testDb().article.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, deletedAt: null });
    await editor.dispose();
  });

  test("malformed input gets 400 naming the field", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const id = desk.article.id;
    const cases: [string, string, Record<string, unknown> | undefined, string][] = [
      ["PATCH", `/api/articles/${id}`, { version: 1 }, "title"],
      ["PATCH", `/api/articles/${id}`, { title: "No version" }, "version"],
      ["PATCH", `/api/articles/${id}`, { version: 1, publishedDate: "2023-02-30" }, "publishedDate"],
      ["PATCH", `/api/articles/${id}`, { version: 1, modifiedDate: "yesterday" }, "modifiedDate"],
      ["PATCH", `/api/articles/${id}`, { version: 1, url: "javascript:alert(1)" }, "url"],
      ["PATCH", `/api/articles/${id}`, { version: 1, title: "t".repeat(301) }, "title"],
      ["DELETE", `/api/articles/${id}`, undefined, "version"],
      ["DELETE", `/api/articles/${id}?version=abc`, undefined, "version"],
      ["GET", "/api/articles?sort=bogus", undefined, "sort"],
      ["GET", "/api/articles?page=0", undefined, "page"],
      ["GET", "/api/articles?pageSize=1000", undefined, "pageSize"],
      ["GET", "/api/articles?from=2023-02-30", undefined, "from"],
      ["GET", "/api/articles?review=maybe", undefined, "review"],
      ["GET", `/api/articles?q=${"x".repeat(201)}`, undefined, "q"],
      ["POST", "/api/articles/fetch", {}, "url"],
      ["POST", "/api/articles/fetch", { url: "ftp://example.org/a" }, "url"],
      ["POST", "/api/articles/fetch", { url: "http://10.0.0.1/" }, "url"],
      ["POST", "/api/articles/fetch", { url: "http://169.254.169.254/latest/meta-data/" }, "url"],
      ["POST", "/api/articles/preview", { text: "One.\nTwo.", drop: [5] }, "drop"],
      ["POST", "/api/articles/preview", { text: "One.", drop: [-1] }, "drop.0"],
      ["POST", "/api/articles/preview", { snapshotId: "not/an id" }, "snapshotId"],
    ];
    for (const [method, url, data, field] of cases) {
      const res = await request.fetch(url, { method, data });
      expect(res.status(), `${method} ${url} ${JSON.stringify(data)}`).toBe(400);
      expect((await res.json()).field, `${method} ${url} ${JSON.stringify(data)}`).toBe(field);
    }
    expect(await testDb().article.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, deletedAt: null });
  });

  test("an editor changes the details (a stale version gets 409 with the article), deletes the article; an admin lists and restores it", async ({
    request,
    playwright,
    desk,
  }) => {
    await signIn(request, desk.editor.email);
    const id = desk.article.id;
    const changed = await request.patch(`/api/articles/${id}`, {
      data: { version: 1, title: "Edited headline", modifiedDate: "2023-02-01" },
    });
    expect(changed.status()).toBe(200);
    expect(await changed.json()).toMatchObject({
      title: "Edited headline",
      modifiedDate: "2023-02-01",
      version: 2,
      metaSources: { title: "editor", modifiedDate: "editor" },
    });
    const stale = await request.patch(`/api/articles/${id}`, { data: { version: 1, title: "Late" } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).current).toMatchObject({ id, title: "Edited headline", version: 2 });

    const listed = await request.get("/api/articles?q=edited%20headline");
    expect((await listed.json()).map((a: { id: string }) => a.id)).toEqual([id]);
    expect(listed.headers()["x-total-count"]).toBe("1");

    expect((await request.delete(`/api/articles/${id}?version=1`)).status()).toBe(409);
    const deleted = await request.delete(`/api/articles/${id}?version=2`);
    expect(deleted.status()).toBe(200);
    expect((await request.get(`/api/articles/${id}`)).status()).toBe(404);
    expect((await (await request.get("/api/articles")).json()).map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await request.get(`/api/articles/${id}/report?format=md`)).status()).toBe(404);

    const admin = await createUser(testDb(), { team: desk.team, role: "admin" });
    const adminRequest = await signedInRequest(playwright, admin.email);
    const trash = await (await adminRequest.get("/api/articles?deleted=1")).json();
    expect(trash).toEqual([expect.objectContaining({ id, deletedAt: expect.any(String), version: 3 })]);
    expect((await adminRequest.post(`/api/articles/${id}/restore`, { data: { version: 3 } })).status()).toBe(200);
    expect((await request.get(`/api/articles/${id}`)).status()).toBe(200);
    const actions = (await testDb().auditEvent.findMany({ where: { objectId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["article.update", "article.delete", "article.restore"]);
    await adminRequest.dispose();
  });

  test("import by URL: fetch, preview with the metadata found, save with the snapshot, download it; refusals are 400s naming url", async ({
    request,
    desk,
  }) => {
    await signIn(request, desk.reviewer.email);
    const fetched = await request.post("/api/articles/fetch", { data: { url: server.url("/news") } });
    expect(fetched.status()).toBe(201);
    const snapshot = await fetched.json();
    expect(snapshot).toMatchObject({ finalUrl: server.url("/news"), status: 200, size: page.byteLength });
    const preview = await (await request.post("/api/articles/preview", { data: { snapshotId: snapshot.id } })).json();
    expect(preview.found.title).toMatchObject({
      value: "Council approves $412 million budget after six-hour meeting",
      detail: "JSON-LD NewsArticle headline",
    });
    const kept = preview.lines.find((l: { text: string }) => l.text.startsWith("Libraries keep their Sunday hours"));
    const saved = await request.post("/api/articles", {
      data: {
        snapshotId: snapshot.id,
        drop: [kept.index],
        title: preview.found.title.value,
        author: preview.found.author.value,
        outlet: preview.found.outlet.value,
        publishedDate: preview.found.publishedDate.value,
        url: preview.found.url.value,
      },
    });
    expect(saved.status()).toBe(201);
    const article = await saved.json();
    expect(article.currentVersion.text).not.toContain("Libraries keep their Sunday hours");
    expect(article.snapshot).toMatchObject({ id: snapshot.id, status: 200 });
    const download = await request.get(`/api/articles/${article.id}/snapshot`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.from(await download.body()).equals(page)).toBe(true);

    for (const [url, reason] of [
      [server.url("/pdf"), /application\/pdf/],
      [server.url("/to-private"), /10\.0\.0\.1.*private/],
      [server.url("/missing"), /404/],
    ] as const) {
      const res = await request.post("/api/articles/fetch", { data: { url } });
      expect(res.status()).toBe(400);
      expect(await res.json()).toEqual({ error: expect.stringMatching(reason), field: "url" });
    }
  });
});
