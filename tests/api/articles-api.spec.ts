import { readFileSync } from "node:fs";
import { test, expect, makeDesk, signIn, seedText, testDb, expectSignedOutRefused } from "../support/fixtures";

const MIB = 1024 * 1024;
const html = readFileSync(new URL("../fixtures/import/nato-visit.html", import.meta.url));
const file = (name: string, bytes: Buffer | Uint8Array) => ({ name, base64: Buffer.from(bytes).toString("base64") });

test.describe("article import API", () => {
  test("should require authentication", async ({ request, desk }) => {
    await expectSignedOutRefused(request, [
      ["POST", "/api/articles"],
      ["POST", "/api/articles/preview"],
      ["GET", `/api/articles/${desk.article.id}/versions`],
      ["POST", `/api/articles/${desk.article.id}/versions`],
      ["GET", `/api/articles/${desk.article.id}/versions/compare?from=1&to=1`],
      ["PATCH", "/api/claims/whatever/anchor"],
    ]);
  });

  test("preview cleans a pasted text and lists what it removed, saving nothing", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const before = await testDb().article.count({ where: { teamId: desk.team.id } });
    const res = await request.post("/api/articles/preview", { data: { text: seedText("001_bb3c64dddcf2a7b9") } });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.format).toBe("text");
    expect(body.removed.length).toBeGreaterThan(0);
    expect(body.text).not.toContain(body.removed[0].lines[0]);
    const restored = await (
      await request.post("/api/articles/preview", { data: { text: seedText("001_bb3c64dddcf2a7b9"), restore: [0] } })
    ).json();
    expect(restored.text.split("\n")).toContain(body.removed[0].lines[0]);
    expect(await testDb().article.count({ where: { teamId: desk.team.id } })).toBe(before);
  });

  test("an HTML upload becomes an article of the caller's team, with metadata", async ({ playwright, request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const res = await request.post("/api/articles", {
      data: {
        file: file("nato-visit.html", html),
        title: "NATO chief urges Seoul",
        outlet: "Example News",
        publishedDate: "2023-01-30",
        url: "https://example.org/nato",
        restore: [],
      },
    });
    expect(res.status()).toBe(201);
    const article = await res.json();
    // The page's headline is its title (the form's prefill), not the text's first line.
    expect(article.currentVersion.text.split("\n")[0]).toBe(
      "Stoltenberg met Foreign Minister Park Jin in Seoul on Monday. He urged South Korea to send more military aid to Ukraine.",
    );
    expect(article.currentVersion.text).not.toMatch(/tracker|Home|Subscribe/);
    const row = await testDb().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row).toMatchObject({
      teamId: desk.team.id,
      title: "NATO chief urges Seoul",
      outlet: "Example News",
      publishedDate: "2023-01-30",
      url: "https://example.org/nato",
    });

    const other = await makeDesk();
    const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await signIn(stranger, other.editor.email);
    expect((await stranger.get(`/api/articles/${article.id}`)).status()).toBe(404);
    expect((await (await stranger.get("/api/articles")).json()).map((a: { id: string }) => a.id)).not.toContain(article.id);
    await stranger.dispose();
  });

  test("malformed input gets 400 naming the field, and nothing is saved", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const before = await testDb().article.count({ where: { teamId: desk.team.id } });
    const bad = await request.post("/api/articles", { data: Buffer.from("{nope"), headers: { "Content-Type": "application/json" } });
    expect(bad.status()).toBe(400);
    const cases: [string, Record<string, unknown>, string][] = [
      ["/api/articles", { text: "  \n " }, "text"],
      ["/api/articles/preview", { text: "" }, "text"],
      ["/api/articles", {}, "text"],
      ["/api/articles", { text: "x", file: file("a.txt", Buffer.from("x")) }, "text"],
      ["/api/articles", { text: "Some text.", url: "javascript:alert(1)" }, "url"],
      ["/api/articles", { text: "Some text.", url: "ftp://example.org" }, "url"],
      ["/api/articles", { text: "Some text.", publishedDate: "2023-02-30" }, "publishedDate"],
      ["/api/articles", { text: "Some text.", title: "t".repeat(301) }, "title"],
      ["/api/articles", { text: "Some text.", restore: [4] }, "restore"],
      ["/api/articles/preview", { file: file("latin1.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])) }, "file"],
      ["/api/articles", { file: file("latin1.html", Buffer.from("<p>caf\xe9</p>", "latin1")) }, "file"],
      ["/api/articles/preview", { file: file("paper.pdf", Buffer.from("%PDF-1.7")) }, "file"],
      ["/api/articles/preview", { file: { name: "a.txt", base64: "%%%not base64%%%" } }, "file.base64"],
      // UTF-16 without a byte-order mark decodes as "valid" UTF-8 full of NULs.
      ["/api/articles/preview", { file: file("utf16.txt", Buffer.from("Stoltenberg in Seoul.", "utf16le")) }, "file"],
      ["/api/articles", { file: file("utf16.html", Buffer.from("<p>Stoltenberg in Seoul.</p>", "utf16le")) }, "file"],
      ["/api/articles", { file: file("bell.md", Buffer.from("Stoltenberg\u0007 in Seoul.")) }, "file"],
      ["/api/articles/preview", { text: "Stoltenberg\u0000 in Seoul." }, "text"],
      ["/api/articles", { text: "Stoltenberg\u0001 in Seoul." }, "text"],
      ["/api/articles/preview", { text: "Form\u000cfeed." }, "text"],
    ];
    for (const [url, data, field] of cases) {
      const res = await request.post(url, { data });
      expect(res.status(), `${url} ${JSON.stringify(data).slice(0, 80)}`).toBe(400);
      expect((await res.json()).field, JSON.stringify(data).slice(0, 80)).toBe(field);
    }
    expect(await testDb().article.count({ where: { teamId: desk.team.id } })).toBe(before);
    const control = await request.post("/api/articles", { data: { text: "One.\nTwo\u001b[0m." } });
    expect(await control.json()).toMatchObject({ field: "text", error: expect.stringContaining("U+001B on line 2") });
    const utf16 = await request.post("/api/articles/preview", { data: { file: file("utf16.txt", Buffer.from("Hello", "utf16le")) } });
    expect((await utf16.json()).error).toMatch(/UTF-16/);
    // Tab and CRLF are plain text.
    const ok = await request.post("/api/articles/preview", { data: { text: "One\tword.\r\nTwo." } });
    expect(ok.status()).toBe(200);
    expect((await ok.json()).text).toBe("One word.\nTwo.");
  });

  test("text or files over the 1 MiB cap get 413", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const over = "a".repeat(MIB + 1);
    expect((await request.post("/api/articles/preview", { data: { text: over } })).status()).toBe(413);
    expect((await request.post("/api/articles", { data: { file: file("big.txt", Buffer.from(over)) } })).status()).toBe(413);
    // Far beyond the body cap: refused while streaming, before parsing.
    const huge = await request.post("/api/articles", { data: { text: "a".repeat(2 * MIB) } });
    expect(huge.status()).toBe(413);
    expect((await huge.json()).error).toMatch(/larger than/);
    expect((await request.post("/api/articles/preview", { data: { text: "a".repeat(MIB) } })).status()).toBe(200);
  });
});
