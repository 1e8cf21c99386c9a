/**
 * Property-based fuzzing (fast-check) of every JSON endpoint: each route and
 * method the route files export (tests/support/route-inventory.ts, so a new
 * route is fuzzed without touching this file) gets random route params,
 * query strings and bodies, signed in as an editor of a desk with a revealed
 * and adjudicated round. The properties: never a 5xx, and every error is a
 * JSON `{ error, field? }`.
 *
 * The inputs mix real ids (so requests reach the use cases) with what breaks
 * parsers: malformed `%` escapes, NULs, lone surrogates, deep nesting, huge
 * and fractional numbers, wrong types, over-long strings, non-JSON bodies and
 * content types. Field names come from the zod schemas (lib/schemas), so a
 * new field is fuzzed too. CLAIMDESK_FUZZ_RUNS sets the runs per route and
 * method (default 25: about 1,500 requests, under a minute); a failure prints
 * fast-check's seed and the smallest failing request.
 */
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect, signIn } from "../support/fixtures";
import { apiRoutes, type ApiRoute, type HttpMethod } from "../support/route-inventory";
import { makeAdjudicatedRound } from "../support/decided-round";

const RUNS = Number(process.env.CLAIMDESK_FUZZ_RUNS ?? 25);

/** Routes that are not JSON endpoints: next-auth's form endpoints, and the live-event stream (it never ends). */
const SKIP = new Set(["/api/auth/[...nextauth]", "/api/events"]);

/** Every field name the schemas know (object keys at the start of a line), plus a few every API meets. */
const SCHEMA_DIR = new URL("../../lib/schemas/", import.meta.url);
const FIELDS = [
  ...new Set([
    ...readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .flatMap((f) => [...readFileSync(new URL(f, SCHEMA_DIR), "utf8").matchAll(/^\s+([a-zA-Z][a-zA-Z0-9]*)\??:/gm)].map((m) => m[1]!)),
    "id", "from", "to", "page", "cursor", "__proto__", "constructor",
  ]),
].sort();

/** Path segments, raw (already percent-encoded, or deliberately malformed). */
const BAD_SEGMENTS = ["%ff", "%E0%A4%A", "%", "%zz", "%00", "%ED%A0%80", "%C0%AF", "a%2Fb", "%2e%2e", "..", "null", "-1", "1e309", "99999999999999999999", "x".repeat(3000)];
/** Stands for a 70,000-character string (over the 64 KB body cap), so a failing case prints short. */
const LONG = "<70,000 × a>";
/** Strings that break things. */
const NASTY_STRINGS = ["\ud800", "a\udfffb", "\udc00\ud800", "\u0000", "x\u0000y", "", " ", "\u202e\u2066", "<script>alert(1)</script>", "%ff", "\\", "'\"`", "💥".repeat(50), "2026-13-45", "0000-00-00", "9999-99-99/0000-00-00", "javascript:alert(1)", "http://", LONG];
const NASTY_NUMBERS = [0, -0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 5e-324];
/** Raw bodies sent as application/json, by name (the name is what a failing case prints). */
const RAW_BODIES: Record<string, string> = {
  "20 KB of [": "[".repeat(20 * 1024),
  "5,000 nested objects": `${"{\"a\":".repeat(5000)}1${"}".repeat(5000)}`,
  "not JSON": "{not json",
  empty: "",
  null: "null",
  "a lone surrogate escape": "\"\\ud800\"",
  "a repeated key": "{\"a\":1,\"a\":2}",
  "a number too large": "1e99999",
  "a trailing comma": "[1,]",
  "bytes that are not UTF-8": "\u00ff\u00fe",
};

type Ids = Record<string, string[]>;
/** A body as generated (printable), turned into bytes when sent. */
type FuzzBody = { kind: "json"; value: unknown } | { kind: "raw"; name: string } | { kind: "typed"; type: string; text: string } | null;
type FuzzRequest = { params: Record<string, string>; query: string; body: FuzzBody };

/** The Content-Type and bytes of a generated body. */
function bodyBytes(body: NonNullable<FuzzBody>): { type: string; bytes: Buffer } {
  if (body.kind === "raw") return { type: "application/json", bytes: Buffer.from(RAW_BODIES[body.name]!, "latin1") };
  if (body.kind === "typed") return { type: body.type, bytes: Buffer.from(body.text) };
  const text = JSON.stringify(body.value, (_, v: unknown) => (v === LONG ? "a".repeat(70_000) : v)) ?? "null";
  return { type: "application/json", bytes: Buffer.from(text) };
}

function requestArb(route: ApiRoute, method: HttpMethod, ids: Ids): fc.Arbitrary<FuzzRequest> {
  const real = (name: string) => ids[`${route.path.startsWith("/api/final-claims") ? "final:" : ""}${name}`] ?? ids[name] ?? [];
  const segment = (name: string) =>
    fc.oneof(
      { weight: 5, arbitrary: real(name).length ? fc.constantFrom(...real(name)).map(encodeURIComponent) : fc.constant("missing-id") },
      { weight: 2, arbitrary: fc.string({ maxLength: 40 }).filter((s) => s.length > 0 && s !== "." && s !== "..").map(encodeURIComponent) },
      { weight: 2, arbitrary: fc.constantFrom(...BAD_SEGMENTS) },
    );
  const allIds = Object.values(ids).flat();
  const leaf = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, true, false, null) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    { weight: 2, arbitrary: allIds.length ? fc.constantFrom(...allIds) : fc.constant("x") },
    { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.double()) },
    { weight: 1, arbitrary: fc.constantFrom("verified", "disputed", "unsourced", "supports", "context", "web_source", "dated_fact", "accept", "reject", "union", "html", "pdf", "w3c", "<p>ok</p>") },
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...FIELDS), tie("value"), { maxKeys: 5 })),
  }));
  const json = (v: unknown): FuzzBody => ({ kind: "json", value: v });
  const body: fc.Arbitrary<FuzzBody> = fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), value, { minKeys: 1, maxKeys: 8 }).map(json) },
    { weight: 2, arbitrary: value.map(json) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.keys(RAW_BODIES)).map((name): FuzzBody => ({ kind: "raw", name })) },
    {
      weight: 1,
      arbitrary: fc.record({ type: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/ld+json"), text: fc.string({ maxLength: 200 }) })
        .map((t): FuzzBody => ({ kind: "typed", ...t })),
    },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  const queryValue = fc.oneof(fc.constantFrom(...BAD_SEGMENTS, "", "%00", "%ED%A0%80", ...allIds.slice(0, 10)), fc.string({ maxLength: 20 }).map(encodeURIComponent));
  const query = fc.dictionary(fc.constantFrom(...FIELDS), queryValue, { maxKeys: 4 }).map((q) => {
    const pairs = Object.entries(q).map(([k, v]) => `${encodeURIComponent(k)}=${v}`);
    return pairs.length ? `?${pairs.join("&")}` : "";
  });
  return fc.record({
    params: fc.record(Object.fromEntries(route.params.map((p) => [p.replace(/^\.\.\./, ""), segment(p.replace(/^\.\.\./, ""))]))),
    query,
    body: method === "GET" ? fc.constant(null) : body,
  });
}

/** The property: no 5xx, and a failure is JSON `{ error: string, field?: string }` (a 409 may add `current`). */
async function checkAnswer(res: APIResponse, label: string) {
  expect(res.status(), label).toBeLessThan(500);
  if (res.status() < 400) return;
  expect(res.headers()["content-type"], label).toMatch(/^application\/json/);
  const body = (await res.json()) as Record<string, unknown>;
  expect(typeof body.error, label).toBe("string");
  expect((body.error as string).length, label).toBeGreaterThan(0);
  if ("field" in body) expect(typeof body.field, label).toBe("string");
  expect(Object.keys(body).filter((k) => !["error", "field", "current"].includes(k)), label).toEqual([]);
}

let api: APIRequestContext;
let ids: Ids = {};
const tally = new Map<number, number>();

test.beforeAll(async ({ playwright }) => {
  const desk = await makeAdjudicatedRound();
  api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await signIn(api, desk.editor.email)).status()).toBe(200);
  const evidence = await (await api.post("/api/evidence", { data: { kind: "web_source", title: "Fuzz source", url: "https://example.test/fuzz" } })).json();
  const annotation = await desk.db.annotation.findFirstOrThrow({ where: { teamId: desk.team.id } });
  const link = await desk.db.evidenceLink.create({ data: { teamId: desk.team.id, evidenceId: evidence.id, annotationId: annotation.id, stance: "supports", createdById: desk.editor.id } });
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
  console.log(`input fuzz answers by status: ${[...tally].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(", ")}`);
  await api?.dispose();
});

for (const route of apiRoutes().filter((r) => !SKIP.has(r.path))) {
  for (const method of route.methods) {
    test(`${method} ${route.path}: random params, query and body never get a 5xx, and errors are JSON`, async () => {
      test.setTimeout(120_000);
      await fc.assert(
        fc.asyncProperty(requestArb(route, method, ids), async (req) => {
          const url = route.path.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => req.params[name]!) + req.query;
          const body = req.body && bodyBytes(req.body);
          const res = await api.fetch(url, { method, maxRedirects: 0, ...(body ? { data: body.bytes, headers: { "content-type": body.type } } : {}) });
          tally.set(res.status(), (tally.get(res.status()) ?? 0) + 1);
          await checkAnswer(res, `${method} ${url} ${body ? `${body.type} ${body.bytes.subarray(0, 200).toString()}` : ""}`);
        }),
        { numRuns: RUNS },
      );
    });
  }
}
