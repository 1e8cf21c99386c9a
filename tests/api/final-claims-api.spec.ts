import type { APIRequestContext } from "@playwright/test";
import { test, expect, makeDesk, signIn, signedInRequest, testDb } from "../support/fixtures";
import { AGREED_PHRASE, CONFLICT_PHRASE } from "../support/review-desk";
import { makeAdjudicatedRound } from "../support/decided-round";
import { createRound } from "@/seeds/review-factories";
import { findPhrase } from "@/seeds/evidence-factories";

// Each test makes its own desk and round, so they can run side by side.
test.describe.configure({ mode: "parallel" });

/** The correction below: the conflict claim's words are gone (orphaned), the agreed claim's edited (drifted). */
const SPAIN = "the alliance gathering held in Spain";
const TWO_DAY = "after a two-day visit to South Korea";

type Final = { id: string; version: number; exact: string; anchorState: string; start: number; end: number };
const finalClaims = async (request: APIRequestContext, articleId: string): Promise<Final[]> => {
  const res = await request.get(`/api/articles/${articleId}/final-claims`);
  expect(res.status()).toBe(200);
  return res.json();
};

test.describe("final claims API", () => {
  test("signed out gets 401", async ({ request }) => {
    const desk = await makeAdjudicatedRound();
    for (const id of ["x", desk.claims[0]!.id]) {
      const res = await request.patch(`/api/final-claims/${id}/anchor`, { data: { version: 1, confirm: true } });
      expect(res.status()).toBe(401);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
  });

  test("another team gets 404, and nothing changes", async ({ playwright }) => {
    const desk = await makeAdjudicatedRound();
    const claim = desk.claims[0]!;
    const other = await makeDesk();
    const stranger = await signedInRequest(playwright, other.editor.email);
    const res = await stranger.patch(`/api/final-claims/${claim.id}/anchor`, { data: { version: claim.version, start: 0, end: 4 } });
    expect(res.status()).toBe(404);
    expect(await res.json()).toEqual({ error: expect.any(String) });
    expect((await stranger.patch("/api/final-claims/nope/anchor", { data: { version: 1, confirm: true } })).status()).toBe(404);
    expect((await stranger.get(`/api/articles/${desk.article.id}/final-claims`)).status()).toBe(404);
    expect(await testDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      start: claim.start,
      end: claim.end,
      version: claim.version,
    });
    await stranger.dispose();
  });

  test("malformed input gets 400 naming the field", async ({ request }) => {
    const desk = await makeAdjudicatedRound();
    await signIn(request, desk.editor.email);
    const claim = desk.claims[0]!;
    const v = claim.version;
    const cases: [Record<string, unknown>, string][] = [
      [{ confirm: true }, "version"],
      [{ version: "1", confirm: true }, "version"],
      [{ version: 0, confirm: true }, "version"],
      [{ version: v }, "start"],
      [{ version: v, start: 3 }, "start"],
      [{ version: v, start: 0, end: 4, confirm: true }, "start"],
      [{ version: v, start: -1, end: 4 }, "start"],
      [{ version: v, start: 1.5, end: 4 }, "start"],
      [{ version: v, start: 5, end: 5 }, "end"],
      [{ version: v, start: 0, end: 20_000_000 }, "end"],
      [{ version: v, confirm: false }, "confirm"],
      // Valid JSON, refused by the use case: past the end of the text, and confirming a claim that has not drifted.
      [{ version: v, start: 0, end: 9_999_999 }, "end"],
      [{ version: v, confirm: true }, "confirm"],
    ];
    for (const [data, field] of cases) {
      const res = await request.patch(`/api/final-claims/${claim.id}/anchor`, { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect(await res.json(), JSON.stringify(data)).toMatchObject({ error: expect.any(String), field });
    }
    expect(await testDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      start: claim.start,
      end: claim.end,
      version: v,
      anchorState: "anchored",
    });
  });

  test("a reviewer gets 403, and during their own blind round no final claims at all", async ({ playwright, request }) => {
    const desk = await makeAdjudicatedRound();
    const claim = desk.claims[0]!;
    await signIn(request, desk.editor.email);
    expect((await request.post(`/api/reviews/${desk.round.id}/close`, { data: { version: desk.round.version } })).status()).toBe(200);
    const ann = await signedInRequest(playwright, desk.reviewer1.email);
    const res = await ann.patch(`/api/final-claims/${claim.id}/anchor`, {
      data: { version: claim.version, start: claim.start, end: claim.end },
    });
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: expect.any(String) });
    expect((await finalClaims(ann, desk.article.id)).map((c) => c.id)).toEqual(desk.claims.map((c) => c.id));

    // A new blind round with Ann: the earlier outcome must not steer her reading.
    await createRound(testDb(), {
      team: desk.team,
      version: desk.version,
      createdById: desk.editor.id,
      adjudicatorId: desk.editor.id,
      reviewerIds: [desk.reviewer1.id],
    });
    expect(await finalClaims(ann, desk.article.id)).toEqual([]);
    const ben = await signedInRequest(playwright, desk.reviewer2.email);
    expect(await finalClaims(ben, desk.article.id)).toHaveLength(3);
    expect(await finalClaims(request, desk.article.id)).toHaveLength(3);
    await ann.dispose();
    await ben.dispose();
  });

  test("after a correction an editor confirms a drifted final claim and re-places an orphan; a stale version gets 409 with the current claim", async ({
    request,
  }) => {
    const desk = await makeAdjudicatedRound();
    await signIn(request, desk.editor.email);
    expect((await request.post(`/api/reviews/${desk.round.id}/close`, { data: { version: desk.round.version } })).status()).toBe(200);
    const text = desk.version.text.replace(CONFLICT_PHRASE, SPAIN).replace(AGREED_PHRASE, TWO_DAY);
    expect((await request.post(`/api/articles/${desk.article.id}/versions`, { data: { version: 1, text } })).status()).toBe(201);
    const byExact = Object.fromEntries((await finalClaims(request, desk.article.id)).map((c) => [c.exact, c]));
    const [drifted, orphan] = [byExact[TWO_DAY]!, byExact[CONFLICT_PHRASE]!];
    expect([drifted.anchorState, orphan.anchorState]).toEqual(["drifted", "orphaned"]);

    const confirmed = await request.patch(`/api/final-claims/${drifted.id}/anchor`, { data: { version: drifted.version, confirm: true } });
    expect(confirmed.status()).toBe(200);
    expect(await confirmed.json()).toMatchObject({
      id: drifted.id,
      source: "round",
      anchorState: "anchored",
      anchorScore: null,
      exact: TWO_DAY,
      version: drifted.version + 1,
    });

    const placed = await request.patch(`/api/final-claims/${orphan.id}/anchor`, {
      data: { version: orphan.version, ...findPhrase(text, SPAIN) },
    });
    expect(placed.status()).toBe(200);
    expect(await placed.json()).toMatchObject({
      id: orphan.id,
      anchorState: "anchored",
      exact: SPAIN,
      ...findPhrase(text, SPAIN),
      version: orphan.version + 1,
    });

    const stale = await request.patch(`/api/final-claims/${orphan.id}/anchor`, {
      data: { version: orphan.version, ...findPhrase(text, "Tokyo") },
    });
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: expect.any(String),
      current: { id: orphan.id, version: orphan.version + 1, exact: SPAIN },
    });
    expect(await testDb().claim.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({
      anchorState: "anchored",
      exact: SPAIN,
      version: orphan.version + 1,
    });
  });
});
