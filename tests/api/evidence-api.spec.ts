import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect, makeDesk, signIn, testDb, expectSignedOutRefused } from "../support/fixtures";
import { createUser } from "@/seeds/factories";

type Desk = Awaited<ReturnType<typeof makeDesk>>;

/** A claim on the desk's article, made through the API. */
async function postClaim(request: APIRequestContext, desk: Desk, phrase = "hundreds of tanks") {
  const start = [...desk.text.slice(0, desk.text.indexOf(phrase))].length;
  const res = await request.post(`/api/articles/${desk.article.id}/claims`, {
    data: { versionId: desk.version.id, start, end: start + [...phrase].length, verdict: "verified" },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string };
}

async function postItem(request: APIRequestContext, data: Record<string, unknown> = {}) {
  const res = await request.post("/api/evidence", {
    data: { kind: "web_source", title: "KBS World: tank deal", url: "http://world.kbs.co.kr/x", ...data },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

test.describe("evidence API", () => {
  test("should require authentication", async ({ request }) => {
    await expectSignedOutRefused(request, [
      ["GET", "/api/evidence"],
      ["POST", "/api/evidence"],
      ["GET", "/api/evidence/whatever"],
      ["PATCH", "/api/evidence/whatever"],
      ["DELETE", "/api/evidence/whatever?version=1"],
      ["GET", "/api/claims/whatever/evidence"],
      ["POST", "/api/claims/whatever/evidence"],
      ["PATCH", "/api/evidence-links/whatever"],
      ["DELETE", "/api/evidence-links/whatever?version=1"],
    ]);
  });

  test("an item is marked internal and stays so through other edits; a non-boolean is a 400 naming the field", async ({
    request,
    desk,
  }) => {
    await signIn(request, desk.editor.email);
    expect(await postItem(request, { title: "Public release" })).toMatchObject({ internal: false });
    const item = await postItem(request, { title: "Call notes", internal: true });
    expect(item).toMatchObject({ internal: true });
    const renamed = await request.patch(`/api/evidence/${item.id}`, { data: { version: item.version, title: "Call notes, 3 Feb" } });
    expect(await renamed.json()).toMatchObject({ title: "Call notes, 3 Feb", internal: true, version: item.version + 1 });
    expect((await (await request.get(`/api/evidence/${item.id}`)).json()).internal).toBe(true);
    expect(await testDb().evidenceItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ internal: true });
    const bad = await request.patch(`/api/evidence/${item.id}`, { data: { version: item.version + 1, internal: "yes" } });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "internal" });
    const listed = (await (await request.get("/api/evidence?q=call")).json()) as { internal: boolean }[];
    expect(listed.map((r) => r.internal)).toEqual([true]);
  });

  test("another team can neither read nor attach the team's items", async ({ playwright, request, desk }) => {
    await signIn(request, desk.editor.email);
    const item = await postItem(request, { title: "Desk-only source" });
    const claim = await postClaim(request, desk);
    const link = await (
      await request.post(`/api/claims/${claim.id}/evidence`, { data: { evidenceId: item.id, stance: "supports" } })
    ).json();

    const other = await makeDesk();
    const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await signIn(stranger, other.editor.email);
    const theirClaim = await postClaim(stranger, other);
    expect((await stranger.get(`/api/evidence/${item.id}`)).status()).toBe(404);
    expect((await stranger.patch(`/api/evidence/${item.id}`, { data: { version: 1, title: "Mine" } })).status()).toBe(404);
    expect((await stranger.delete(`/api/evidence/${item.id}?version=1`)).status()).toBe(404);
    expect(
      (await stranger.post(`/api/claims/${theirClaim.id}/evidence`, { data: { evidenceId: item.id, stance: "supports" } })).status(),
    ).toBe(404);
    expect((await stranger.get(`/api/claims/${claim.id}/evidence`)).status()).toBe(404);
    expect(
      (
        await stranger.post(`/api/claims/${claim.id}/evidence`, {
          data: { evidence: { kind: "web_source", title: "Planted" }, stance: "supports" },
        })
      ).status(),
    ).toBe(404);
    expect((await stranger.patch(`/api/evidence-links/${link.id}`, { data: { version: 1, stance: "context" } })).status()).toBe(404);
    expect((await stranger.delete(`/api/evidence-links/${link.id}?version=1`)).status()).toBe(404);
    const theirs = await (await stranger.get("/api/evidence?q=desk-only")).json();
    expect(theirs).toEqual([]);
    await stranger.dispose();

    // Nothing changed for the owners.
    const mine = await (await request.get(`/api/claims/${claim.id}/evidence`)).json();
    expect(mine.links.map((l: { evidence: { title: string }; stance: string }) => [l.evidence.title, l.stance])).toEqual([
      ["Desk-only source", "supports"],
    ]);
  });

  test("bad URL, bad date and reversed interval give 400 naming the field; oversize 413", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: "web_source", title: "T", url: "javascript:alert(1)" }, "url"],
      [{ kind: "web_source", title: "T", url: "ftp://example.org/file" }, "url"],
      [{ kind: "web_source", title: "T", publishedDate: "2023-02-29" }, "publishedDate"],
      [{ kind: "dated_fact", title: "T", date: "2022-06-31" }, "date"],
      [{ kind: "dated_fact", title: "T", date: "2022-06-30/2022-06-28" }, "date"],
      [{ kind: "dated_fact", title: "T", date: "2022-11", datePrecision: "day" }, "datePrecision"],
      [{ kind: "dated_fact", title: "T" }, "date"],
      [{ kind: "rumour", title: "T" }, "kind"],
      [{ kind: "web_source" }, "title"],
    ];
    for (const [data, field] of cases) {
      const res = await request.post("/api/evidence", { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect((await res.json()).field, JSON.stringify(data)).toBe(field);
    }
    const claim = await postClaim(request, desk);
    const inline = await request.post(`/api/claims/${claim.id}/evidence`, {
      data: { stance: "supports", evidence: { kind: "dated_fact", title: "T", date: "2022-06-30/2022-06-28" } },
    });
    expect([inline.status(), (await inline.json()).field]).toEqual([400, "evidence.date"]);
    const stance = await request.post(`/api/claims/${claim.id}/evidence`, { data: { stance: "agrees", evidenceId: "x" } });
    expect([stance.status(), (await stance.json()).field]).toEqual([400, "stance"]);
    const kind = await request.get("/api/evidence?kind=rumour");
    expect([kind.status(), (await kind.json()).field]).toEqual([400, "kind"]);
    const huge = await request.post("/api/evidence", { data: { kind: "web_source", title: "T", notes: "x".repeat(100_000) } });
    expect(huge.status()).toBe(413);
    // Nothing was stored by the refused requests.
    expect(await (await request.get("/api/evidence")).json()).toEqual([]);
    const item = await postItem(request);
    const patch = await request.patch(`/api/evidence/${item.id}`, { data: { version: item.version, url: "notaurl" } });
    expect([patch.status(), (await patch.json()).field]).toEqual([400, "url"]);
    const unversioned = await request.delete(`/api/evidence/${item.id}`);
    expect([unversioned.status(), (await unversioned.json()).field]).toEqual([400, "version"]);
    expect((await (await request.get(`/api/evidence/${item.id}`)).json()).deletedAt).toBeNull();
  });

  test("malformed link and item changes give 400 naming the field, and change nothing", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const item = await postItem(request);
    const fact = await postItem(request, { kind: "dated_fact", title: "NATO Madrid Summit", url: null, date: "2022-06-28/2022-06-30" });
    const claim = await postClaim(request, desk);
    const link = await (
      await request.post(`/api/claims/${claim.id}/evidence`, { data: { evidenceId: item.id, stance: "supports" } })
    ).json();

    const cases: [string, () => Promise<APIResponse>, string][] = [
      ["PATCH link {}", () => request.patch(`/api/evidence-links/${link.id}`, { data: {} }), "version"],
      ["PATCH link, only a version", () => request.patch(`/api/evidence-links/${link.id}`, { data: { version: link.version } }), "stance"],
      ["DELETE link without a version", () => request.delete(`/api/evidence-links/${link.id}`), "version"],
      ["DELETE link, version not a number", () => request.delete(`/api/evidence-links/${link.id}?version=latest`), "version"],
      [
        "PATCH fact, no such day",
        () => request.patch(`/api/evidence/${fact.id}`, { data: { version: fact.version, date: "2022-06-31" } }),
        "date",
      ],
      [
        "PATCH fact, reversed interval",
        () => request.patch(`/api/evidence/${fact.id}`, { data: { version: fact.version, date: "2022-06-30/2022-06-28" } }),
        "date",
      ],
      [
        "PATCH item, no such published day",
        () => request.patch(`/api/evidence/${item.id}`, { data: { version: item.version, publishedDate: "2023-02-29" } }),
        "publishedDate",
      ],
    ];
    for (const [label, send, field] of cases) {
      const res = await send();
      expect(res.status(), label).toBe(400);
      expect(await res.json(), label).toEqual({ error: expect.any(String), field });
    }

    const shown = await (await request.get(`/api/claims/${claim.id}/evidence`)).json();
    expect(shown.links.map((l: { id: string; stance: string; version: number }) => [l.id, l.stance, l.version])).toEqual([
      [link.id, "supports", link.version],
    ]);
    const stored = await (await request.get(`/api/evidence/${fact.id}`)).json();
    expect([stored.date, stored.version]).toEqual(["2022-06-28/2022-06-30", fact.version]);
  });

  test("of two concurrent attaches of one item to one claim, one gets 201 and the other 409", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const item = await postItem(request);
    const claim = await postClaim(request, desk);
    const [a, b] = await Promise.all([
      request.post(`/api/claims/${claim.id}/evidence`, { data: { evidenceId: item.id, stance: "supports" } }),
      request.post(`/api/claims/${claim.id}/evidence`, { data: { evidenceId: item.id, stance: "context" } }),
    ]);
    expect([a.status(), b.status()].sort()).toEqual([201, 409]);
    const [won, lost] = a.status() === 201 ? [a, b] : [b, a];
    const conflict = await lost.json();
    expect(conflict.error).toBe("This item is already attached to the claim.");
    expect(conflict.current.id).toBe((await won.json()).id);
    const shown = await (await request.get(`/api/claims/${claim.id}/evidence`)).json();
    expect(shown.links.map((l: { evidence: { id: string } }) => l.evidence.id)).toEqual([item.id]);
  });

  test("a reviewer who did not write the claim may not change, detach or add its evidence (403)", async ({ playwright, request, desk }) => {
    await signIn(request, desk.reviewer.email);
    const item = await postItem(request);
    const claim = await postClaim(request, desk);
    const link = await (
      await request.post(`/api/claims/${claim.id}/evidence`, {
        data: { evidenceId: item.id, stance: "supports", pinpoint: "980 K2 tanks" },
      })
    ).json();

    const colleague = await createUser(testDb(), { team: desk.team, role: "reviewer" });
    const other = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await signIn(other, colleague.email);
    const patch = await other.patch(`/api/evidence-links/${link.id}`, { data: { version: link.version, stance: "contradicts" } });
    expect([patch.status(), (await patch.json()).error]).toEqual([403, "You may not change the evidence of this claim."]);
    expect((await other.delete(`/api/evidence-links/${link.id}?version=${link.version}`)).status()).toBe(403);
    const theirs = await (await other.post("/api/evidence", { data: { kind: "web_source", title: "Colleague's source" } })).json();
    expect((await other.post(`/api/claims/${claim.id}/evidence`, { data: { evidenceId: theirs.id, stance: "context" } })).status()).toBe(
      403,
    );
    // They still see it, but cannot edit it.
    const seen = await (await other.get(`/api/claims/${claim.id}/evidence`)).json();
    expect(seen.links.map((l: { id: string; stance: string; can: { edit: boolean } }) => [l.id, l.stance, l.can.edit])).toEqual([
      [link.id, "supports", false],
    ]);
    await other.dispose();

    const row = await testDb().evidenceLink.findUniqueOrThrow({ where: { id: link.id } });
    expect([row.stance, row.pinpoint, row.version, row.deletedAt]).toEqual(["supports", "980 K2 tanks", link.version, null]);
    expect(await testDb().evidenceLink.count({ where: { annotationId: claim.id } })).toBe(1);
  });

  test("deleting an item in use lists the claims and keeps a tombstone that they still show", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const item = await postItem(request, {
      kind: "dated_fact",
      title: "Arms deal, July-August 2022",
      url: null,
      date: "2022-07-27/2022-08-26",
    });
    const claim = await postClaim(request, desk);
    await request.post(`/api/claims/${claim.id}/evidence`, { data: { evidenceId: item.id, stance: "supports", pinpoint: "980 K2 tanks" } });

    const before = await (await request.get(`/api/evidence/${item.id}`)).json();
    expect(before.usedIn.map((u: { claimId: string; articleTitle: string }) => [u.claimId, u.articleTitle])).toEqual([
      [claim.id, `Article ${desk.team.slug}`],
    ]);
    const del = await request.delete(`/api/evidence/${item.id}?version=${item.version}`);
    expect(del.status()).toBe(200);
    const body = await del.json();
    expect(body.evidence.deletedAt).toEqual(expect.any(String));
    expect(body.usedIn.map((u: { claimId: string; pinpoint: string }) => [u.claimId, u.pinpoint])).toEqual([[claim.id, "980 K2 tanks"]]);

    expect(await (await request.get("/api/evidence")).json()).toEqual([]);
    const tomb = await (await request.get(`/api/evidence/${item.id}`)).json();
    expect([tomb.title, typeof tomb.deletedAt]).toEqual(["Arms deal, July-August 2022", "string"]);
    const shown = await (await request.get(`/api/claims/${claim.id}/evidence`)).json();
    expect(shown.links.map((l: { evidence: { id: string; deletedAt: string | null } }) => [l.evidence.id, !!l.evidence.deletedAt])).toEqual(
      [[item.id, true]],
    );
    const again = await request.post(`/api/claims/${claim.id}/evidence`, { data: { evidenceId: item.id, stance: "supports" } });
    expect([again.status(), (await again.json()).field]).toEqual([400, "evidenceId"]);

    // Deleting the tombstone again says it is already deleted (409 with it), and changes nothing.
    const twice = await request.delete(`/api/evidence/${item.id}?version=${body.evidence.version}`);
    const answer = await twice.json();
    expect([twice.status(), answer.error, answer.current.id, answer.current.deletedAt]).toEqual([
      409,
      "This item is already deleted from the library.",
      item.id,
      body.evidence.deletedAt,
    ]);
    const still = await (await request.get(`/api/evidence/${item.id}`)).json();
    expect([still.version, still.deletedAt]).toEqual([body.evidence.version, body.evidence.deletedAt]);
  });

  test("a stale update gets 409 with the current state and is not applied", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const item = await postItem(request);
    const first = await request.patch(`/api/evidence/${item.id}`, { data: { version: item.version, title: "Renamed" } });
    expect(first.status()).toBe(200);
    const stale = await request.patch(`/api/evidence/${item.id}`, { data: { version: item.version, title: "Stale rename" } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).current.title).toBe("Renamed");
    expect((await request.delete(`/api/evidence/${item.id}?version=${item.version}`)).status()).toBe(409);
    expect((await (await request.get(`/api/evidence/${item.id}`)).json()).title).toBe("Renamed");

    const claim = await postClaim(request, desk);
    const link = await (
      await request.post(`/api/claims/${claim.id}/evidence`, { data: { evidenceId: item.id, stance: "supports" } })
    ).json();
    expect((await request.patch(`/api/evidence-links/${link.id}`, { data: { version: link.version, stance: "context" } })).status()).toBe(
      200,
    );
    const staleLink = await request.patch(`/api/evidence-links/${link.id}`, { data: { version: link.version, stance: "contradicts" } });
    expect([staleLink.status(), (await staleLink.json()).current.stance]).toEqual([409, "context"]);
  });
});
