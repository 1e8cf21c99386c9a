/**
 * Publishing: the publication API (signed out 401, other team 404,
 * reviewer 403, malformed 400 naming the field, stale 409 with `current`) and
 * the public routes it feeds, read by a signed-out client: the page and its
 * ClaimReview JSON-LD, the exact text at its version URL, the team index and
 * feeds, "Updated" after a republish, and a retraction's notice without markup.
 */
import type { APIRequestContext } from "@playwright/test";
import { test, expect, makeDesk, signIn, signedInRequest, testDb, expectSignedOutRefused } from "../support/fixtures";
import {
  CLAIM_PHRASES,
  DRIFTED_PHRASE,
  INTERNAL_SOURCE,
  PUBLIC_SOURCE,
  REVIEWER_PHRASE,
  makePublishableDesk,
  type PublishableDesk,
} from "../support/publishable-desk";
import { checkGoogleClaimReview } from "../support/google-claimreview";

test.describe.configure({ mode: "parallel" });

type Node = Record<string, any>;
const api = (d: PublishableDesk) => `/api/articles/${d.article.id}/publication`;
const jsonLd = (html: string): Node[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) => JSON.parse(m[1]!));

async function signedOut(playwright: { request: { newContext(o: { baseURL?: string }): Promise<APIRequestContext> } }) {
  return playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
}

async function publish(request: APIRequestContext, d: PublishableDesk, data: Record<string, unknown> = {}) {
  const res = await request.post(api(d), { data });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

test.describe("publication API", () => {
  test("signed out gets 401 from the desk's endpoints", async ({ request }) => {
    const d = await makePublishableDesk();
    await expectSignedOutRefused(request, [
      ["GET", api(d)],
      ["POST", api(d)],
      ["POST", `${api(d)}/retract`, { version: 1, reason: "x" }],
    ]);
    expect(await testDb().publication.count({ where: { articleId: d.article.id } })).toBe(0);
  });

  test("another team gets 404 and publishes nothing; another team's address serves nothing", async ({ playwright, request }) => {
    const d = await makePublishableDesk();
    const other = await makeDesk();
    const stranger = await signedInRequest(playwright, other.editor.email);
    expect((await stranger.get(api(d))).status()).toBe(404);
    expect((await stranger.post(api(d), { data: {} })).status()).toBe(404);
    expect((await stranger.post(`${api(d)}/retract`, { data: { version: 1, reason: "x" } })).status()).toBe(404);
    expect(await testDb().publication.count({ where: { articleId: d.article.id } })).toBe(0);
    await stranger.dispose();
    await signIn(request, d.editor.email);
    const p = await publish(request, d);
    const anon = await signedOut(playwright);
    expect((await anon.get(`/f/${other.team.slug}/${p.slug}`)).status()).toBe(404);
    expect((await anon.get(`/f/${d.team.slug}/${p.slug}`)).status()).toBe(200);
    await anon.dispose();
  });

  test("a reviewer reads the status but gets 403 publishing or withdrawing", async ({ playwright, request }) => {
    const d = await makePublishableDesk();
    const reviewer = await signedInRequest(playwright, d.reviewer.email);
    const got = await reviewer.get(api(d));
    expect(got.status()).toBe(200);
    expect(await got.json()).toMatchObject({ status: "unpublished", can: { publish: false, retract: false } });
    expect((await reviewer.post(api(d), { data: {} })).status()).toBe(403);
    expect(await testDb().publication.count({ where: { articleId: d.article.id } })).toBe(0);
    await signIn(request, d.editor.email);
    const p = await publish(request, d);
    const res = await reviewer.post(`${api(d)}/retract`, { data: { version: p.version, reason: "No." } });
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/editors and admins/) });
    expect(await testDb().publication.findFirstOrThrow({ where: { articleId: d.article.id } })).toMatchObject({ status: "published" });
    await reviewer.dispose();
  });

  test("an empty or over-long address is refused whole, naming the field and the limit; nothing is cut or published", async ({
    request,
  }) => {
    const d = await makePublishableDesk();
    await signIn(request, d.editor.email);
    for (const [slug, message] of [
      ["", /Give the fact-check an address/],
      ["   ", /Give the fact-check an address/],
      ["a".repeat(300), /at most 80 characters; this one has 300/],
      [`${"stoltenberg-".repeat(7)}x`, /at most 80 characters; this one has 85/],
    ] as const) {
      const res = await request.post(api(d), { data: { slug } });
      expect(res.status(), slug).toBe(400);
      expect(await res.json(), slug).toEqual({ error: expect.stringMatching(message), field: "slug" });
    }
    expect(await testDb().publication.count({ where: { articleId: d.article.id } })).toBe(0);
    // At the limit it is taken whole.
    const full = `${"a".repeat(79)}b`;
    expect(await publish(request, d, { slug: full })).toMatchObject({ slug: full, status: "published" });
  });

  test("malformed input gets 400 naming the field", async ({ request }) => {
    const d = await makePublishableDesk();
    await signIn(request, d.editor.email);
    for (const [data, field] of [
      [{ slug: "Not A Slug!" }, "slug"],
      [{ slug: "a" }, "slug"],
      [{ slug: 7 }, "slug"],
      [{ slug: "x".repeat(81) }, "slug"],
      [{ version: "1" }, "version"],
      [{ version: 0 }, "version"],
      [{ note: "n".repeat(2001) }, "note"],
    ] as const) {
      const res = await request.post(api(d), { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect(await res.json(), JSON.stringify(data)).toMatchObject({ error: expect.any(String), field });
    }
    expect(await testDb().publication.count({ where: { articleId: d.article.id } })).toBe(0);
    const p = await publish(request, d, { slug: "stoltenberg-asia" });
    for (const [data, field] of [
      [{ version: p.version }, "note"],
      [{ version: p.version, note: "x", slug: "elsewhere" }, "slug"],
    ] as const) {
      const res = await request.post(api(d), { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect(await res.json(), JSON.stringify(data)).toMatchObject({ field });
    }
    // Sent as if it were unpublished: someone published it in the meantime.
    const again = await request.post(api(d), { data: {} });
    expect(again.status()).toBe(409);
    expect((await again.json()).current).toMatchObject({ status: "published", version: p.version });
    for (const [data, field] of [
      [{ reason: "x" }, "version"],
      [{ version: p.version }, "reason"],
      [{ version: p.version, reason: "  " }, "reason"],
      [{ version: p.version, reason: "r".repeat(2001) }, "reason"],
    ] as const) {
      const res = await request.post(`${api(d)}/retract`, { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect(await res.json(), JSON.stringify(data)).toMatchObject({ field });
    }
    expect(await testDb().publication.findFirstOrThrow({ where: { articleId: d.article.id } })).toMatchObject({
      status: "published",
      version: 1,
    });
  });

  test("an article with no final claims has nothing to publish (409); a taken address is a 409 naming slug", async ({ request }) => {
    const d = await makePublishableDesk();
    const empty = await makeDesk();
    await signIn(request, empty.editor.email);
    const none = await request.post(`/api/articles/${empty.article.id}/publication`, { data: {} });
    expect(none.status()).toBe(409);
    expect((await none.json()).error).toMatch(/no final claims/);
    await signIn(request, d.editor.email);
    await publish(request, d, { slug: "taken-address" });
    const second = await testDb().article.create({
      data: {
        teamId: d.team.id,
        title: "Second",
        versions: { create: { number: 1, text: d.text, textHash: d.version.textHash, length: d.version.length } },
      },
      include: { versions: true },
    });
    await testDb().annotation.create({
      data: {
        teamId: d.team.id,
        articleId: second.id,
        versionId: second.versions[0]!.id,
        authorId: d.editor.id,
        start: 0,
        end: 4,
        exact: d.text.slice(0, 4),
        prefix: "",
        suffix: "",
        verdict: "verified",
        status: "submitted",
      },
    });
    const taken = await request.post(`/api/articles/${second.id}/publication`, { data: { slug: "taken-address" } });
    expect(taken.status()).toBe(409);
    expect(await taken.json()).toMatchObject({ field: "slug" });
    // Without a slug it gets the title's, free in the team.
    expect(await publish(request, { ...d, article: second } as PublishableDesk)).toMatchObject({ slug: "second", status: "published" });
  });

  test("an editor marks a source internal in the library, and the published page leaves it out; unmarked, a republish shows it", async ({
    playwright,
    request,
  }) => {
    const d = await makePublishableDesk();
    await signIn(request, d.editor.email);
    const item = await testDb().evidenceItem.findFirstOrThrow({ where: { teamId: d.team.id, title: PUBLIC_SOURCE } });
    const marked = await request.patch(`/api/evidence/${item.id}`, { data: { version: item.version, internal: true } });
    expect(marked.status(), await marked.text()).toBe(200);
    expect(await marked.json()).toMatchObject({ internal: true, title: PUBLIC_SOURCE });
    const first = await publish(request, d);
    const anon = await signedOut(playwright);
    const html = await (await anon.get(`/f/${d.team.slug}/${first.slug}`)).text();
    expect(html).toContain('id="claim-1"');
    expect(html).not.toContain(PUBLIC_SOURCE);
    expect(html).not.toContain(INTERNAL_SOURCE);

    const unmarked = await request.patch(`/api/evidence/${item.id}`, { data: { version: item.version + 1, internal: false } });
    expect(await unmarked.json()).toMatchObject({ internal: false });
    await publish(request, d, { version: first.version, note: "Source now public." });
    const again = await (await anon.get(`/f/${d.team.slug}/${first.slug}`)).text();
    expect(again).toContain(PUBLIC_SOURCE);
    expect(again).not.toContain(INTERNAL_SOURCE);
  });

  test("publish, read in public, publish again, withdraw and publish again, each audited", async ({ playwright, request }) => {
    const d = await makePublishableDesk();
    await signIn(request, d.editor.email);
    const first = await publish(request, d);
    const base = test.info().project.use.baseURL!;
    const slug = `stoltenberg-in-asia-${d.team.slug}`;
    expect(first).toMatchObject({
      status: "published",
      slug,
      version: 1,
      claimCount: 2,
      url: `${base}/f/${d.team.slug}/${slug}`,
      can: { publish: true, retract: true },
    });
    expect(first.embed).toContain(first.url);
    expect((await request.get(api(d))).status()).toBe(200);

    const anon = await signedOut(playwright);
    const pageRes = await anon.get(`/f/${d.team.slug}/${slug}`);
    expect(pageRes.status()).toBe(200);
    expect(pageRes.headers()["content-type"]).toMatch(/^text\/html/);
    expect(pageRes.headers()["content-security-policy"]).toMatch(/default-src 'none'/);
    const html = await pageRes.text();
    expect(html).toContain('id="claim-1"');
    expect(html).toContain('id="claim-2"');
    expect(html).not.toContain('id="claim-3"');
    expect(html).toContain(PUBLIC_SOURCE);
    expect(html).not.toContain(INTERNAL_SOURCE);
    expect(html).not.toContain(`${REVIEWER_PHRASE}</blockquote>`);
    expect(html).not.toContain(`${DRIFTED_PHRASE}</blockquote>`);
    expect(html).toContain(`${d.team.name} Fact Check`);
    const reviews = jsonLd(html);
    expect(reviews.map((r) => r.claimReviewed)).toEqual([...CLAIM_PHRASES]);
    for (const r of reviews) expect(checkGoogleClaimReview(r, first.url)).toEqual({ required: [], recommended: [] });
    // A repeat with the ETag is a 304.
    expect((await anon.get(`/f/${d.team.slug}/${slug}`, { headers: { "If-None-Match": pageRes.headers().etag! } })).status()).toBe(304);
    // The exact text checked, at the URL W3C's `cached` names, and the desk's own W3C export points there.
    const text = await anon.get(`/f/${d.team.slug}/${slug}/text/1`);
    expect(text.status()).toBe(200);
    expect(await text.text()).toBe(d.text);
    expect((await anon.get(`/f/${d.team.slug}/${slug}/text/2`)).status()).toBe(404);
    const w3c = await (await request.get(`/api/articles/${d.article.id}/report?format=w3c`)).json();
    expect(w3c.first.items[0].target.state.cached).toBe(`${first.url}/text/1`);
    // Index and feeds list it.
    const index = await anon.get(`/f/${d.team.slug}`);
    expect(index.status()).toBe(200);
    expect(await index.text()).toContain(`href="/f/${d.team.slug}/${slug}"`);
    const atom = await anon.get(`/f/${d.team.slug}/feed.xml`);
    expect(atom.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
    expect(await atom.text()).toContain(`<id>${first.url}</id>`);
    expect(await (await anon.get(`/f/${d.team.slug}/rss.xml`)).text()).toContain(`<link>${first.url}</link>`);
    expect((await (await anon.get(`/f/${d.team.slug}/feed.json`)).json()).items).toEqual([
      expect.objectContaining({ url: first.url, title: d.article.title }),
    ]);

    // Nothing changed: refused. A change of the desk's claims, then a publish with a note: "Updated".
    expect((await request.post(api(d), { data: { version: 1, note: "Again." } })).status()).toBe(409);
    await testDb().annotation.update({
      where: { id: d.claims.disputed.id },
      data: { rationaleHtml: "<p>The visit began on Sunday 29.</p>" },
    });
    const stale = await request.post(api(d), { data: { version: 7, note: "Explained claim 2." } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).current).toMatchObject({ version: 1, status: "published" });
    const updated = await publish(request, d, { version: 1, note: "Explained claim 2." });
    expect(updated).toMatchObject({
      version: 2,
      log: [expect.objectContaining({ action: "publish" }), expect.objectContaining({ action: "update", note: "Explained claim 2." })],
    });
    const html2 = await (await anon.get(`/f/${d.team.slug}/${slug}`)).text();
    expect(html2).toContain("Updated");
    expect(html2).toContain("Explained claim 2.");
    expect(html2).toContain("The visit began on Sunday 29.");

    // Withdraw: a notice with the reason, no markup, no verdicts, no text; the feed says so.
    const retracted = await request.post(`${api(d)}/retract`, { data: { version: 2, reason: "The claims were misquoted." } });
    expect(retracted.status()).toBe(200);
    expect(await retracted.json()).toMatchObject({
      status: "retracted",
      retraction: { reason: "The claims were misquoted." },
      embed: null,
    });
    const html3 = await (await anon.get(`/f/${d.team.slug}/${slug}`)).text();
    expect(html3).toContain("This fact-check was withdrawn");
    expect(html3).toContain("The claims were misquoted.");
    expect(jsonLd(html3)).toEqual([]);
    expect(html3).not.toContain('id="claim-1"');
    expect((await anon.get(`/f/${d.team.slug}/${slug}/text/1`)).status()).toBe(404);
    expect(await (await anon.get(`/f/${d.team.slug}/feed.xml`)).text()).toContain(`<title>Withdrawn: ${d.article.title}</title>`);
    const again = await request.post(`${api(d)}/retract`, { data: { version: 3, reason: "Twice." } });
    expect(again.status()).toBe(409);
    expect((await again.json()).current).toMatchObject({ status: "retracted" });

    // Published again after the correction.
    expect(await publish(request, d, { version: 3, note: "Quotes checked against the recording." })).toMatchObject({
      status: "published",
      version: 4,
    });
    expect(jsonLd(await (await anon.get(`/f/${d.team.slug}/${slug}`)).text())).toHaveLength(2);

    const audit = await testDb().auditEvent.findMany({
      where: { objectId: d.article.id, action: { startsWith: "publication." } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ["publication.publish", d.editor.id],
      ["publication.update", d.editor.id],
      ["publication.retract", d.editor.id],
      ["publication.publish", d.editor.id],
    ]);
    expect(await testDb().publicationRevision.count({ where: { publication: { articleId: d.article.id } } })).toBe(4);
    await anon.dispose();
  });

  test("unknown and malformed public addresses are a plain 404 page", async ({ playwright }) => {
    const d = await makePublishableDesk();
    const anon = await signedOut(playwright);
    for (const path of [
      `/f/${d.team.slug}/not-published`,
      "/f/no-such-team",
      "/f/no-such-team/feed.xml",
      `/f/${d.team.slug}/Bad_Slug`,
      `/f/${d.team.slug}/x/text/0`,
      `/f/${d.team.slug}/x/text/abc`,
    ]) {
      const res = await anon.get(path);
      expect(res.status(), path).toBe(404);
      expect(await res.text(), path).not.toMatch(/at \w+ \(|Error:/);
    }
    expect((await anon.get(`/f/${d.team.slug}`)).status()).toBe(200);
    const css = await anon.get("/f/style.css");
    expect(css.status()).toBe(200);
    expect(css.headers()["cache-control"]).toContain("immutable");
    await anon.dispose();
  });
});
