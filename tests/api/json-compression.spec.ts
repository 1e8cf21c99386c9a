import { test, expect, signIn } from "../support/fixtures";

/**
 * JSON answers under COMPRESS_FROM_BYTES go out as they are, larger ones
 * gzipped (lib/api/json-response.ts says why), to a client that accepts gzip.
 */
/** lib/api/json-response.ts's COMPRESS_FROM_BYTES (that module imports next/server, which Playwright's loader cannot). */
const COMPRESS_FROM_BYTES = 1024;

test.describe("JSON answers and compression", () => {
  const gzip = { "Accept-Encoding": "gzip, deflate" };

  test("small answers are sent as they are, large ones gzipped", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const claims = `/api/articles/${desk.article.id}/claims`;

    const ping = await request.get("/api/ping", { headers: gzip });
    expect(ping.headers()["content-encoding"]).toBeUndefined();
    expect(await ping.json()).toEqual({ ok: true });

    const created = await request.post(claims, {
      headers: gzip,
      data: { versionId: desk.version.id, start: 0, end: 4, verdict: "verified" },
    });
    expect(created.status()).toBe(201);
    expect((await created.body()).byteLength).toBeLessThan(COMPRESS_FROM_BYTES);
    expect(created.headers()["content-encoding"]).toBeUndefined();
    expect(created.headers()["cache-control"]).toBe("no-transform");
    expect((await created.json()).exact).toBe(desk.version.text.slice(0, 4));

    const refused = await request.post(claims, {
      headers: { ...gzip, "Content-Type": "application/json" },
      data: Buffer.from("{not json"),
    });
    expect(refused.status()).toBe(400);
    expect(refused.headers()["content-encoding"]).toBeUndefined();
    expect((await refused.json()).error).toMatch(/not valid JSON/);

    for (const end of [8, 12, 16])
      expect(
        (await request.post(claims, { headers: gzip, data: { versionId: desk.version.id, start: 0, end, verdict: "disputed" } })).status(),
      ).toBe(201);
    const list = await request.get(claims, { headers: gzip });
    expect(list.status()).toBe(200);
    expect(list.headers()["content-encoding"]).toBe("gzip");
    expect(list.headers()["cache-control"]).toBeUndefined();
    const body = await list.json();
    expect(body).toHaveLength(4);
    expect(JSON.stringify(body).length).toBeGreaterThan(COMPRESS_FROM_BYTES);
  });
});
