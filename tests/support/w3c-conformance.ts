/**
 * Checks an annotation against the W3C Web Annotation conformance schemas
 * (tests/fixtures/w3c-annotation-model, from web-platform-tests), following
 * the evaluation procedure in that folder's README: one draft-04 Ajv with
 * formats, all definitions added by their own ids, then every entry of every
 * core/*.test file in order. Missing assertion files are reported as
 * unavailable, never as passes.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";

const ROOT = path.join(import.meta.dirname, "..", "fixtures", "w3c-annotation-model");

type Assertion = {
  id?: string;
  assertionType?: "must" | "should" | "may";
  expectedResult?: "valid" | "invalid";
  onUnexpectedResult?: string;
  errorMessage?: string;
  title?: string;
};

export type ConformanceResult = {
  passed: string[];
  failed: { test: string; assertion: string; message: string; errors: string }[];
  unavailable: string[];
  skipped: string[];
};

function makeAjv() {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  for (const file of readdirSync(path.join(ROOT, "definitions")).filter((f) => f.endsWith(".json")).sort()) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(ROOT, "definitions", file), "utf8")));
  }
  return ajv;
}

let ajv: ReturnType<typeof makeAjv> | undefined;
const compiled = new Map<string, { schema: Assertion; validate: ValidateFunction }>();

/** Loads and compiles an assertion file once (several test files share some). */
function load(entry: string, testDir: string) {
  const file = entry.includes("/") ? path.join(ROOT, entry) : path.join(testDir, entry);
  if (!existsSync(file)) return null;
  let hit = compiled.get(file);
  if (!hit) {
    ajv ??= makeAjv();
    const schema = JSON.parse(readFileSync(file, "utf8")) as Assertion & Record<string, unknown>;
    hit = { schema, validate: ajv.compile(schema) };
    compiled.set(file, hit);
  }
  return hit;
}

/** The names of the core test files. */
export const CORE_TESTS = () => readdirSync(path.join(ROOT, "core")).filter((f) => f.endsWith(".test")).sort();

/** Runs every MUST assertion of every core test file against one annotation. */
export function checkAnnotation(annotation: unknown): ConformanceResult {
  const result: ConformanceResult = { passed: [], failed: [], unavailable: [], skipped: [] };
  for (const testFile of CORE_TESTS()) {
    const test = JSON.parse(readFileSync(path.join(ROOT, "core", testFile), "utf8")) as { assertions: unknown[] };
    const entries = test.assertions.flat(Infinity) as unknown[];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (typeof entry !== "string") throw new Error(`${testFile}: only path entries are expected, got ${JSON.stringify(entry)}`);
      const name = `${testFile}: ${entry}`;
      const loaded = load(entry, path.join(ROOT, "core"));
      if (!loaded) {
        result.unavailable.push(name);
        continue;
      }
      const { schema, validate } = loaded;
      if (schema.assertionType && schema.assertionType !== "must") continue;
      const accepted = validate(annotation) as boolean;
      if (accepted === ((schema.expectedResult ?? "valid") === "valid")) {
        result.passed.push(name);
        continue;
      }
      result.failed.push({ test: testFile, assertion: entry, message: schema.errorMessage ?? schema.title ?? entry, errors: JSON.stringify(validate.errors ?? []) });
      const on = schema.onUnexpectedResult ?? "failAndContinue";
      if (on === "failAndAbort") break;
      if (on === "failAndSkip") {
        result.skipped.push(...entries.slice(i + 1).map((e) => `${testFile}: ${String(e)}`));
        break;
      }
    }
  }
  return result;
}
