/**
 * `npm test`: the whole suite on the database DATABASE_URL names (SQLite by
 * default, PostgreSQL when it is a postgres:// URL):
 *   typecheck, lint (ESLint with the import boundaries; the formatter's check),
 *   unit and integration tests (vitest), then the API and
 *   end-to-end tests (Playwright in Debian's Chromium) against a production build.
 * It prints `N passed, N failed` last, and writes the counts to
 * data/test-summary-<db>.json for .ci/run.
 *
 * Environment: CLAIMDESK_SKIP_BUILD=1 reuses an existing build; CLAIMDESK_ONLY=unit|integration|e2e runs one stage.
 * Arguments narrow the run to some files: `npm test -- tests/e2e/review lib/dates`
 * (a path ending in .spec.ts, or under tests/api or tests/e2e, goes to
 * Playwright; anything else to vitest; the type check is skipped).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createTestDatabase, redact } from "./test-db";
import { PRISMA_OFFLINE_ENV } from "./prisma-env";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const filters = process.argv.slice(2);
const isPlaywright = (f: string) => /\.spec\.ts$/.test(f) || /(^|\/)tests\/(api|e2e)(\/|$)/.test(f);
const vitestFilters = filters.filter((f) => !isPlaywright(f));
const playwrightFilters = filters.filter(isPlaywright);
const only =
  process.env.CLAIMDESK_ONLY ??
  (filters.length === 0 ? undefined : playwrightFilters.length === 0 ? "vitest" : vitestFilters.length === 0 ? "e2e" : "filtered");
const slot = process.env.CLAIMDESK_TEST_SLOT ? `-${process.env.CLAIMDESK_TEST_SLOT}` : "";
const tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(label);
  return r.status === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

if (!existsSync(CHROMIUM) && (!only || only === "e2e" || only === "filtered")) {
  console.error(
    `Chromium is missing (looked for ${CHROMIUM}). Install Debian's build: apt-get install -y chromium\n(not a browser that Playwright downloads: browser downloads are blocked here).`,
  );
  process.exit(1);
}

let db: Awaited<ReturnType<typeof createTestDatabase>>;
try {
  db = await createTestDatabase();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
console.log(`Testing on ${db.kind}: ${redact(db.url)}`);
if (db.kind === "sqlite" && !process.env.CI) {
  console.log("(PostgreSQL runs too when DATABASE_URL=postgresql://…; .ci/run does both.)");
}
// Import by URL refuses loopback addresses; the tests' own page servers listen on 127.0.0.1.
const testEnv = { DATABASE_URL: db.url, CLAIMDESK_TEST_DB: "1", CLAIMDESK_FETCH_ALLOW: "127.0.0.1", ...PRISMA_OFFLINE_ENV };
mkdirSync("data/test", { recursive: true });

if (!run("Migrating the test database", "npx", ["prisma", "migrate", "deploy"], testEnv)) {
  console.error("Migrations failed; nothing else can run.");
  process.exit(1);
}

// Build first: the Playwright stage serves it, and on PostgreSQL the integration
// test of live events starts two instances of it.
const distDir = process.env.CLAIMDESK_TEST_SLOT ? `.next-${process.env.CLAIMDESK_TEST_SLOT}` : ".next";
const needsBuild = !only || only === "e2e" || only === "filtered" || (db.kind === "postgres" && only === "integration");
if (needsBuild && !(process.env.CLAIMDESK_SKIP_BUILD === "1" && existsSync(`${distDir}/BUILD_ID`))) {
  // next build adds its folder's type paths (.next-2/types/…) to tsconfig.json: a test slot's folder is this run's
  // own, so the file is put back as it was (a slot's paths were once committed by mistake).
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  if (!run("Production build (next build)", "npx", ["next", "build"])) tally.failed++;
  if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
}

if (!only || only === "unit" || only === "integration" || only === "vitest" || only === "filtered") {
  if (!only) {
    const ok = run("Type check (TypeScript 7, tsc --noEmit)", "npm", ["run", "--silent", "typecheck"]);
    tally[ok ? "passed" : "failed"]++;
    const linted = run("Lint (ESLint: the project's rules and import boundaries)", "npm", ["run", "--silent", "lint"]);
    tally[linted ? "passed" : "failed"]++;
    const formatted = run("Format check (Prettier)", "npm", ["run", "--silent", "format:check"]);
    tally[formatted ? "passed" : "failed"]++;
  }
  const out = `data/test/vitest-${db.kind}${slot}.json`;
  rmSync(out, { force: true });
  const projects = only === "unit" || only === "integration" ? ["--project", only] : [];
  const ok = run(
    "Unit and integration tests (vitest)",
    "npx",
    ["vitest", "run", ...projects, ...vitestFilters, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    testEnv,
  );
  const v = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(out);
  if (v) {
    tally.passed += v.numPassedTests;
    tally.failed += v.numFailedTests;
    tally.skipped += v.numPendingTests + v.numTodoTests;
  }
  // No report, or a failed run in which no test failed (an unhandled rejection,
  // a file that did not load): the stage counts once, so the last line never says 0 failed.
  if (!v || (!ok && v.numFailedTests === 0)) tally.failed++;
}

if (!only || only === "e2e" || only === "filtered") {
  const out = `data/test/playwright-${db.kind}${slot}.json`;
  rmSync(out, { force: true });
  const ok = run("API and end-to-end tests (Playwright, Chromium)", "npx", ["playwright", "test", ...playwrightFilters], {
    ...testEnv,
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  const p = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(out);
  if (p) {
    tally.passed += p.stats.expected + p.stats.flaky;
    tally.failed += p.stats.unexpected;
    tally.skipped += p.stats.skipped;
  }
  if (!p || (!ok && p.stats.unexpected === 0)) tally.failed++;
}

writeFileSync(`data/test-summary-${db.kind}${slot}.json`, JSON.stringify({ ...tally, failures }, null, 2));
if (failures.length) console.log(`\nFailed stages: ${failures.join("; ")}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
process.exit(tally.failed > 0 || failures.length > 0 ? 1 : 0);
