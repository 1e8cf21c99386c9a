/**
 * Request generators (fast-check arbitraries) for tests/api/input-fuzz.spec.ts.
 *
 * A random body is almost always refused by the first schema check it meets,
 * so it never reaches the code behind it. Each route's own zod schemas (the
 * ones its file hands `readJson` and `readQuery`) are turned into JSON
 * Schema (`z.toJSONSchema`), valid values are generated from that, and then
 * one field is broken (a lone surrogate, a NUL, a huge number, a wrong type…):
 * those requests pass every other check and show what the broken field does
 * further in. Random field sets, random JSON, raw bodies and other content
 * types are mixed in. Real ids of the test desk fill id fields and route
 * params, so requests reach the use cases; malformed `%` escapes go into
 * params and queries.
 */
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { z } from "zod";
import type { ApiRoute, HttpMethod } from "./route-inventory";

const ROOT = new URL("../../", import.meta.url);

/** Stands for a 70,000-character string (over the 64 KB body cap), so a failing case prints short. */
const LONG = "<70,000 × a>";
/** Strings no text column takes, or that break parsers: lone surrogates, NULs, bidi controls, escapes. */
const BREAKING = ["\ud800", "a\udfffb", "\udc00\ud800", "\u0000", "x\u0000y", "\u202e\u2066", "%ff", "\\", LONG];
/** Other strings that tempt bugs. */
const NASTY_STRINGS = [
  "",
  " ",
  "<script>alert(1)</script>",
  "'\"`",
  "💥".repeat(50),
  "2026-13-45",
  "0000-00-00",
  "9999-99-99/0000-00-00",
  "javascript:alert(1)",
  "http://",
];
const NASTY_NUMBERS = [0, -0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 5e-324];
/** Path segments and query values, raw (already percent-encoded, or deliberately malformed). */
const BAD_SEGMENTS = [
  "%ff",
  "%E0%A4%A",
  "%",
  "%zz",
  "%00",
  "%ED%A0%80",
  "%C0%AF",
  "a%2Fb",
  "%2e%2e",
  "..",
  "null",
  "-1",
  "1e309",
  "99999999999999999999",
  "x".repeat(3000),
];
/** Raw bodies sent as application/json, by name (the name is what a failing case prints). */
const RAW_BODIES: Record<string, string> = {
  "20 KB of [": "[".repeat(20 * 1024),
  "5,000 nested objects": `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`,
  "not JSON": "{not json",
  empty: "",
  null: "null",
  "a lone surrogate escape": '"\\ud800"',
  "a repeated key": '{"a":1,"a":2}',
  "a number too large": "1e99999",
  "a trailing comma": "[1,]",
  "bytes that are not UTF-8": "\u00ff\u00fe",
};
const OTHER_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=latin1",
  "application/ld+json",
];

/** Real ids of the test desk, by param or field name (`final:claimId` for the final-claim routes). */
export type Ids = Record<string, string[]>;
/** A body as generated (printable), turned into bytes when sent. */
export type FuzzBody =
  { kind: "json"; value: unknown } | { kind: "raw"; name: string } | { kind: "typed"; type: string; text: string } | null;
export type FuzzRequest = { params: Record<string, string>; query: string; body: FuzzBody };

/** The Content-Type and bytes of a generated body. */
export function bodyBytes(body: NonNullable<FuzzBody>): { type: string; bytes: Buffer } {
  if (body.kind === "raw") return { type: "application/json", bytes: Buffer.from(RAW_BODIES[body.name]!, "latin1") };
  if (body.kind === "typed") return { type: body.type, bytes: Buffer.from(body.text) };
  const text = JSON.stringify(body.value, (_, v: unknown) => (v === LONG ? "a".repeat(70_000) : v)) ?? "null";
  return { type: "application/json", bytes: Buffer.from(text) };
}

/** The URL of a generated request. */
export const requestUrl = (route: ApiRoute, req: FuzzRequest) =>
  route.path.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => req.params[name]!) + req.query;

const SCHEMA_FILES = readdirSync(new URL("lib/schemas/", ROOT)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
/** Object keys in schema source: at the start of a line, or after `{` or `,` (one-line objects). */
const keysIn = (text: string) => [...text.matchAll(/(?:^\s+|[{,]\s*)([a-zA-Z][a-zA-Z0-9]*)\??:\s/gm)].map((m) => m[1]!);
/** Every field name the schemas know, plus a few every API meets. */
const FIELDS = [
  ...new Set([
    ...SCHEMA_FILES.flatMap((f) => keysIn(readFileSync(new URL(`lib/schemas/${f}`, ROOT), "utf8"))),
    "id",
    "from",
    "to",
    "page",
    "cursor",
    "__proto__",
    "constructor",
  ]),
].sort();

/** Every zod schema lib/schemas exports, by export name (loaded once, at run time, so a new schema is included). */
export async function loadSchemas(): Promise<Map<string, z.ZodType>> {
  const map = new Map<string, z.ZodType>();
  for (const f of SCHEMA_FILES) {
    const mod = (await import(new URL(`lib/schemas/${f}`, ROOT).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (value instanceof z.ZodType) map.set(name, value);
  }
  return map;
}

/** The schemas a route file hands readJson and readQuery. */
function routeSchemas(route: ApiRoute, schemas: Map<string, z.ZodType>) {
  const source = readFileSync(new URL(route.file, ROOT), "utf8");
  const pick = (fn: string) =>
    [...source.matchAll(new RegExp(`${fn}\\(req,\\s*([A-Za-z0-9]+)`, "g"))]
      .map((m) => schemas.get(m[1]!))
      .filter((s): s is z.ZodType => Boolean(s));
  return { body: pick("readJson"), query: pick("readQuery") };
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
};

const toJsonSchema = (schema: z.ZodType): JsonSchema | null => {
  try {
    return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  } catch {
    return null;
  }
};

/** Values that satisfy `schema` (as far as JSON Schema says: refinements are not in it), with real ids in id fields. */
function validValue(schema: JsonSchema, key: string, ids: string[]): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => validValue(s, key, ids)));
  if (schema.allOf?.length) return validValue(schema.allOf[0]!, key, ids);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? "null") : schema.type;
  switch (type) {
    case "string": {
      if (/Ids?$|^id$/.test(key) && ids.length) return fc.constantFrom(...ids);
      if (schema.format === "uuid") return fc.uuid();
      if (schema.format === "email") return fc.constant("someone@claimdesk.test");
      if (/url|uri/i.test(key) || schema.format === "uri") return fc.constant("https://example.test/a");
      if (/date/i.test(key) || schema.pattern?.includes("\\d{4}")) return fc.constant("2023-01-30");
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 200;
      return fc
        .constantFrom("NATO", "<p>Stoltenberg visited Seoul.</p>", "Seoul and Tokyo, January 2023")
        .map((s) => s.padEnd(min, "x").slice(0, Math.max(min, Math.min(max, s.length))));
    }
    case "integer":
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      return fc.integer({ min, max: Math.min(schema.maximum ?? min + 3, min + 3) });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const min = schema.minItems ?? 0;
      return fc.array(validValue(schema.items ?? {}, key.replace(/s$/, ""), ids), {
        minLength: min,
        maxLength: Math.max(min, Math.min(schema.maxItems ?? 3, min + 2)),
      });
    }
    case "object": {
      const props = Object.entries(schema.properties ?? {});
      if (props.length === 0) return fc.constant({});
      return fc.record(Object.fromEntries(props.map(([k, s]) => [k, validValue(s, k, ids)])), {
        requiredKeys: (schema.required ?? []).filter((k) => schema.properties?.[k]),
      });
    }
    default:
      return fc.constant("NATO");
  }
}

/** The arbitrary of requests to `method` on `route`. */
export function requestArb(route: ApiRoute, method: HttpMethod, ids: Ids, schemas: Map<string, z.ZodType>): fc.Arbitrary<FuzzRequest> {
  const real = (name: string) => ids[`${route.path.startsWith("/api/final-claims") ? "final:" : ""}${name}`] ?? ids[name] ?? [];
  const allIds = [...new Set(Object.values(ids).flat())];
  const segment = (name: string) =>
    fc.oneof(
      { weight: 5, arbitrary: real(name).length ? fc.constantFrom(...real(name)).map(encodeURIComponent) : fc.constant("missing-id") },
      {
        weight: 2,
        arbitrary: fc
          .string({ maxLength: 40 })
          .filter((s) => s.length > 0 && s !== "." && s !== "..")
          .map(encodeURIComponent),
      },
      { weight: 2, arbitrary: fc.constantFrom(...BAD_SEGMENTS) },
    );

  const own = routeSchemas(route, schemas);
  const bodySchemas = own.body.map(toJsonSchema).filter((s): s is JsonSchema => s !== null);
  const querySchemas = own.query.map(toJsonSchema).filter((s): s is JsonSchema => s !== null);
  const ownFields = [...new Set([...bodySchemas, ...querySchemas].flatMap((s) => Object.keys(s.properties ?? {})))];
  // Mostly the route's own fields, some of any schema's.
  const field = ownFields.length
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ownFields) }, { weight: 1, arbitrary: fc.constantFrom(...FIELDS) })
    : fc.constantFrom(...FIELDS);

  const leaf = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...BREAKING) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, true, false, null) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    { weight: 2, arbitrary: allIds.length ? fc.constantFrom(...allIds) : fc.constant("x") },
    { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.double()) },
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(field, tie("value"), { maxKeys: 5 }),
    ),
  }));

  /** A valid object for one of the route's schemas with one field broken (or, now and then, none). */
  const broken = (schemas: JsonSchema[]) =>
    fc.oneof(...schemas.map((s) => validValue(s, "", allIds))).chain((valid) => {
      const keys = valid && typeof valid === "object" && !Array.isArray(valid) ? Object.keys(valid) : [];
      if (keys.length === 0) return fc.constant(valid);
      const record = valid as Record<string, unknown>;
      const textKeys = keys.filter((k) => typeof record[k] === "string");
      return fc.oneof(
        // One field replaced by anything.
        { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...keys), value).map(([k, v]) => ({ ...record, [k]: v })) },
        // One text field kept, with a breaking character inside it (a check on the whole value would not see it).
        ...(textKeys.length
          ? [
              {
                weight: 4,
                arbitrary: fc
                  .tuple(fc.constantFrom(...textKeys), fc.constantFrom(...BREAKING))
                  .map(([k, b]) => ({ ...record, [k]: `${record[k]} ${b} ${record[k]}` })),
              },
            ]
          : []),
        { weight: 1, arbitrary: fc.constant(valid) },
      );
    });
  const json = (v: unknown): FuzzBody => ({ kind: "json", value: v });
  const body: fc.Arbitrary<FuzzBody> = fc.oneof(
    ...(bodySchemas.length ? [{ weight: 6, arbitrary: broken(bodySchemas).map(json) }] : []),
    { weight: 3, arbitrary: fc.dictionary(field, value, { minKeys: 1, maxKeys: 8 }).map(json) },
    { weight: 1, arbitrary: value.map(json) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.keys(RAW_BODIES)).map((name): FuzzBody => ({ kind: "raw", name })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ type: fc.constantFrom(...OTHER_TYPES), text: fc.string({ maxLength: 200 }) })
        .map((t): FuzzBody => ({ kind: "typed", ...t })),
    },
    { weight: 1, arbitrary: fc.constant(null) },
  );

  const queryValue = fc.oneof(
    fc.constantFrom(...BAD_SEGMENTS, "", "%00", ...allIds.slice(0, 10)),
    fc.string({ maxLength: 20 }).map(encodeURIComponent),
  );
  const queryString = (q: Record<string, unknown>) => {
    const pairs = Object.entries(q).map(
      ([k, v]) => `${encodeURIComponent(k)}=${typeof v === "string" && /%/.test(v) ? v : encodeURIComponent(String(v))}`,
    );
    return pairs.length ? `?${pairs.join("&")}` : "";
  };
  const brokenQuery = (schemas: JsonSchema[]) =>
    fc.oneof(...schemas.map((s) => validValue(s, "", allIds))).chain((valid) => {
      const keys = Object.keys((valid ?? {}) as object);
      return keys.length
        ? fc.tuple(fc.constantFrom(...keys), queryValue).map(([k, v]) => ({ ...(valid as object), [k]: v }))
        : fc.constant((valid ?? {}) as object);
    });
  const query = fc.oneof(
    ...(querySchemas.length
      ? [{ weight: 2, arbitrary: brokenQuery(querySchemas).map((q) => queryString(q as Record<string, unknown>)) }]
      : []),
    { weight: 1, arbitrary: fc.dictionary(field, queryValue, { maxKeys: 4 }).map(queryString) },
  );

  return fc.record({
    params: fc.record(Object.fromEntries(route.params.map((p) => [p.replace(/^\.\.\./, ""), segment(p.replace(/^\.\.\./, ""))]))),
    query,
    body: method === "GET" ? fc.constant(null) : body,
  });
}
