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
  for (const file of readdirSync(path.join(ROOT, "definitions"))
    .filter((f) => f.endsWith(".json"))
    .sort()) {
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

/** The names of the test files in a folder of the fixture: `core` (the MUSTs) or `optional` (the SHOULDs and MAYs). */
export const TEST_FILES = (folder: "core" | "optional") =>
  readdirSync(path.join(ROOT, folder))
    .filter((f) => f.endsWith(".test"))
    .sort();
/** The names of the core test files. */
export const CORE_TESTS = () => TEST_FILES("core");

/** Runs every MUST assertion of every core test file against one annotation. */
export const checkAnnotation = (annotation: unknown) => runTests(annotation, "core", "must");

/**
 * Runs every SHOULD assertion of the optional test files (the upstream
 * `*Optionals.test`; the fixture holds their SHOULD assertion files, not the
 * MAY ones, which are reported as unavailable) against one annotation.
 */
export const checkAnnotationShoulds = (annotation: unknown) => runTests(annotation, "optional", "should");

function runTests(annotation: unknown, folder: "core" | "optional", level: "must" | "should"): ConformanceResult {
  const result: ConformanceResult = { passed: [], failed: [], unavailable: [], skipped: [] };
  for (const testFile of TEST_FILES(folder)) {
    const test = JSON.parse(readFileSync(path.join(ROOT, folder, testFile), "utf8")) as { assertions: unknown[] };
    const entries = test.assertions.flat(Infinity) as unknown[];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (typeof entry !== "string") throw new Error(`${testFile}: only path entries are expected, got ${JSON.stringify(entry)}`);
      const name = `${testFile}: ${entry}`;
      const loaded = load(entry, path.join(ROOT, folder));
      if (!loaded) {
        result.unavailable.push(name);
        continue;
      }
      const { schema, validate } = loaded;
      if ((schema.assertionType ?? "must") !== level) continue;
      const accepted = validate(annotation) as boolean;
      if (accepted === ((schema.expectedResult ?? "valid") === "valid")) {
        result.passed.push(name);
        continue;
      }
      result.failed.push({
        test: testFile,
        assertion: entry,
        message: schema.errorMessage ?? schema.title ?? entry,
        errors: JSON.stringify(validate.errors ?? []),
      });
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
