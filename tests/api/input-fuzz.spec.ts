/**
 * Property-based fuzzing (fast-check) of every JSON endpoint: each route and
 * method the route files export (tests/support/route-inventory.ts, so a new
 * route is fuzzed without touching this file) gets random route params,
 * query strings and bodies, signed in as an editor of a desk with a revealed
 * and adjudicated round. The properties: never a 5xx, and every error is a
 * JSON `{ error, field? }`.
 *
 * The inputs (tests/support/fuzz-inputs.ts) are mostly valid requests for
 * the route's own zod schemas with one field broken, so they reach the code
 * behind validation, mixed with malformed `%` escapes, NULs, lone
 * surrogates, deep nesting, huge and fractional numbers, wrong types,
 * over-long strings, non-JSON bodies and content types. CLAIMDESK_FUZZ_RUNS sets the runs per route and
 * method (default 25: about 1,250 requests, under a minute on an idle
 * machine), CLAIMDESK_FUZZ_ONLY a part of the paths to fuzz; a failure prints
 * fast-check's seed and the smallest failing request.
 */
import fc from "fast-check";
import type { z } from "zod";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect, signIn } from "../support/fixtures";
import { apiRoutes } from "../support/route-inventory";
import { makeAdjudicatedRound } from "../support/decided-round";
import { bodyBytes, loadSchemas, requestArb, requestUrl, type Ids } from "../support/fuzz-inputs";

const RUNS = Number(process.env.CLAIMDESK_FUZZ_RUNS ?? 25);
/** CLAIMDESK_FUZZ_ONLY=/api/comments fuzzes only the routes whose path holds it. */
const ONLY = process.env.CLAIMDESK_FUZZ_ONLY ?? "";

/** Routes that are not JSON endpoints: next-auth's form endpoints, and the live-event stream (it never ends). */
const SKIP = new Set(["/api/auth/[...nextauth]", "/api/events"]);

/** The property: no 5xx, and a failure is JSON `{ error: string, field?: string }` (a 409 may add `current`). */
async function checkAnswer(res: APIResponse, label: string) {
  expect(res.status(), label).toBeLessThan(500);
  if (res.status() < 400) return;
  expect(res.headers()["content-type"], label).toMatch(/^application\/json/);
  const body = (await res.json()) as Record<string, unknown>;
  expect(typeof body.error, label).toBe("string");
  expect((body.error as string).length, label).toBeGreaterThan(0);
  if ("field" in body) expect(typeof body.field, label).toBe("string");
  expect(
    Object.keys(body).filter((k) => !["error", "field", "current"].includes(k)),
    label,
  ).toEqual([]);
}

let api: APIRequestContext;
let ids: Ids = {};
let schemas = new Map<string, z.ZodType>();
const tally = new Map<number, number>();

test.beforeAll(async ({ playwright }) => {
  schemas = await loadSchemas();
  const desk = await makeAdjudicatedRound();
  api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await signIn(api, desk.editor.email)).status()).toBe(200);
  const evidence = await (
    await api.post("/api/evidence", { data: { kind: "web_source", title: "Fuzz source", url: "https://example.test/fuzz" } })
  ).json();
  const annotation = await desk.db.annotation.findFirstOrThrow({ where: { teamId: desk.team.id } });
  const link = await desk.db.evidenceLink.create({
    data: { teamId: desk.team.id, evidenceId: evidence.id, annotationId: annotation.id, stance: "supports", createdById: desk.editor.id },
  });
  const zip = await (await api.post("/api/reports/zip", { data: {} })).json();
  ids = {
    articleId: [desk.article.id],
    claimId: [annotation.id],
    "final:claimId": desk.claims.map((c) => c.id),
    roundId: [desk.round.id],
    clusterId: desk.clusters.map((c) => c.id),
    evidenceId: [evidence.id],
    linkId: [link.id],
    jobId: [zip.id],
    number: ["1", "2", "0"],
    versionId: [desk.version.id],
    reviewerIds: [desk.reviewer1.id],
  };
});

test.afterAll(async () => {
  console.log(
    `input fuzz answers by status: ${[...tally]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(", ")}`,
  );
  await api?.dispose();
});

for (const route of apiRoutes().filter((r) => !SKIP.has(r.path) && r.path.includes(ONLY))) {
  for (const method of route.methods) {
    test(`${method} ${route.path}: random params, query and body never get a 5xx, and errors are JSON`, async () => {
      test.setTimeout(120_000);
      await fc.assert(
        fc.asyncProperty(requestArb(route, method, ids, schemas), async (req) => {
          const url = requestUrl(route, req);
          const body = req.body && bodyBytes(req.body);
          const res = await api.fetch(url, {
            method,
            maxRedirects: 0,
            ...(body ? { data: body.bytes, headers: { "content-type": body.type } } : {}),
          });
          tally.set(res.status(), (tally.get(res.status()) ?? 0) + 1);
          await checkAnswer(res, `${method} ${url} ${body ? `${body.type} ${body.bytes.subarray(0, 200).toString()}` : ""}`);
        }),
        { numRuns: RUNS },
      );
    });
  }
}
