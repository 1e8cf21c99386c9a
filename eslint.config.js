// ESLint (flat config): TypeScript, the React hooks rules, Next's rules, and
// the project's boundaries as import rules, so that a component importing the
// database fails `npm test` instead of waiting for a reviewer.
//
// typescript-eslint parses with TypeScript's classic API, which TypeScript 7
// no longer ships: `typescript` is aliased to @typescript/typescript6 for the
// tools that need that API, and the type check runs TypeScript 7's `tsc`
// (the `tsc7` alias; see package.json `typecheck`).
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";

/** Server-only code: the database, the use cases, the server side of auth, the event bus. */
const SERVER_ONLY = [
  "@/lib/db",
  "@/lib/db/*",
  "@/lib/server/*",
  "@/lib/auth/*",
  "@/lib/events/event-bus",
  "@/lib/events/pg-bus",
  "@/lib/events/memory-bus",
  "@/lib/events/event-stream",
  "@/generated/*",
];

/** Modules that may talk to the database (Prisma or the driver). */
const DB_MODULES = ["@/lib/db", "@/lib/db/*", "@/generated/*", "@prisma/client", "@prisma/*", "pg", "better-sqlite3"];

/**
 * The direct-SQL module and the statements that use it (lib/db/direct-sql.ts says why they exist).
 * Adding a file here is a reviewed decision; everything else uses Prisma.
 */
const HOT_PATH = [
  "lib/db/direct-sql.ts",
  // Every request: the caller and their memberships, and their "last active" stamp.
  "lib/auth/current-user.ts",
  "lib/auth/touch-membership.ts",
  // Every read of people's work: the caller's blind-review visibility.
  "lib/server/visibility/viewer.ts",
  // Claim writes: the version's scope (a create skips it once the text is cached), then the insert with its audit row (the one audit insert
  // outside the ORM, which a correction's batched audit rows share).
  "lib/server/articles/version-text.ts",
  "lib/server/claims/insert-annotation.ts",
  // Claim edits (verdict, rationale, delete, restore, anchor): the compare-and-set with its audit row.
  "lib/server/claims/change-claim.ts",
  "lib/server/audit/insert-audit-events.ts",
  // Evidence attach (an existing item): the item's lock and check, the link with its audit row.
  "lib/server/evidence/link-evidence.ts",
  // Export volume: a report's final claims.
  "lib/server/claims/editor-final-claims.ts",
  // The article page's first response: every claim of a 5,000-claim article the viewer may see.
  "lib/server/claims/read-all-claims.ts",
  // Claim assistance's full-text candidates and its backfill check.
  "lib/server/assist/sentence-search.ts",
  "lib/server/assist/team-backfill.ts",
  "tests/integration/direct-sql.test.ts",
];

/** What the browser loads: components, client hooks, and the pure modules both sides share. */
const BROWSER = [
  "components/**",
  "lib/queries/**",
  "lib/schemas/**",
  "lib/policies/**",
  "lib/anchoring/**",
  "lib/rich-text/allowed.ts",
  "app/providers.tsx",
  "app/**/*-client.tsx",
  "app/**/*-workspace.tsx",
];

const ROLE_LITERAL = "Literal[value=/^(admin|editor|reviewer)$/]";
const ROLE_MESSAGE = "Role names live in lib/policies (permissions.ts): ask a policy instead of comparing roles.";
/** Comparing a `.role` with a role name, or writing role names under a `role`/`roles` key (a Prisma filter, a route option). */
const ROLE_SYNTAX = [
  { selector: `BinaryExpression[operator=/^[!=]==?$/][left.property.name='role'] > ${ROLE_LITERAL}`, message: ROLE_MESSAGE },
  { selector: `BinaryExpression[operator=/^[!=]==?$/][right.property.name='role'] > ${ROLE_LITERAL}`, message: ROLE_MESSAGE },
  { selector: `Property[key.name=/^roles?$/] ${ROLE_LITERAL}`, message: ROLE_MESSAGE },
];

/** JSON answers are built in one place (lib/api/json-response.ts). */
const JSON_ANSWER_SYNTAX = [
  {
    selector: "CallExpression[callee.object.name=/^(Next)?Response$/][callee.property.name='json']",
    message: "Answer JSON with jsonResponse (lib/api/json-response.ts): one Response per answer.",
  },
];

const DB_RULE = { group: DB_MODULES, message: "Only lib/server (and lib/db, lib/auth) touch the database: call a use case." };
const DIRECT_SQL_RULE = {
  group: ["@/lib/db/direct-sql", "**/direct-sql"],
  message: "The direct-SQL hot path (lib/db/direct-sql.ts) is for the files eslint.config.js lists in HOT_PATH; use Prisma.",
};
const BENCH_DB_RULE = {
  group: ["@/lib/db", "@/lib/db/**", "@/lib/server/**", "@/lib/auth/**"],
  allowTypeImports: true,
  message:
    "A benchmark chooses its database at run time: import the database and the use cases with `await import()` after prepareBenchDatabase (bench/support/bench-database.ts), or the client opens the default database.",
};
const SERVER_RULE = {
  group: SERVER_ONLY,
  message:
    "Browser code must not import server code (lib/server, lib/db, lib/auth, the event bus), not even types: wire types live in lib/schemas.",
};
const SANITIZER_RULE = {
  group: ["sanitize-html", "@/lib/rich-text/sanitize"],
  message: "The HTML sanitizer is server code: sanitize when saving, on the server.",
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".next-*/",
      "generated/",
      "data/",
      "test-results/",
      "playwright-report/",
      "coverage/",
      "next-env.d.ts",
      "prisma/**/migrations/",
      "tests/fixtures/**/*.html",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Named exports only (Next's page, layout and route files excepted)." },
      ],
    },
  },
  {
    // Tests read untyped JSON (exports, API answers) and use Playwright's `use` fixtures, which are not React hooks.
    files: ["tests/**", "**/*.test.ts", "bench/**", "scripts/**", "seeds/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Next's file conventions need default exports; config files too.
    files: ["app/**/{page,layout,not-found,error,loading,global-error,template,default}.tsx", "*.config.{js,ts}", "prisma.config.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  // Import boundaries. One rule, layered: for any file the last matching block wins, so each
  // block lists every restriction that applies to its files.
  {
    // Everywhere: only the use cases and the named infrastructure touch the database, and the
    // direct-SQL hot path stays in the files that need it.
    files: ["**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [DB_RULE, DIRECT_SQL_RULE] }] },
  },
  {
    // The use cases and the infrastructure under them; scripts, seeds, tests and benchmarks.
    files: [
      "lib/server/**",
      "lib/db/**",
      "lib/db.ts",
      "lib/auth/**",
      "lib/events/pg-bus.ts",
      "lib/events/event-bus.ts",
      "lib/quotas/**",
      "scripts/**",
      "seeds/**",
      "tests/**",
      "bench/**",
      "prisma.config.ts",
    ],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [DIRECT_SQL_RULE] }] },
  },
  {
    // Benchmarks load the database (and everything that reaches it) only once the bench database is chosen.
    files: ["bench/*.bench.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [DIRECT_SQL_RULE, BENCH_DB_RULE] }] },
  },
  {
    // The hot path's statements, and the tests that check them.
    files: HOT_PATH,
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  {
    // Browser code never reaches the server's modules, not even for a type: wire types live in lib/schemas.
    files: BROWSER,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [SERVER_RULE, SANITIZER_RULE, DB_RULE, DIRECT_SQL_RULE] }] },
  },
  {
    // Role names live in lib/policies (everything else asks a policy); JSON answers come from jsonResponse.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts"],
    ignores: ["lib/policies/**", "lib/**/*.test.ts", "components/**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Named exports only (Next's page, layout and route files excepted)." },
        ...ROLE_SYNTAX,
        ...JSON_ANSWER_SYNTAX,
      ],
    },
  },
  {
    files: ["app/**/{page,layout,not-found,error,loading,global-error,template,default}.tsx"],
    rules: { "no-restricted-syntax": ["error", ...ROLE_SYNTAX, ...JSON_ANSWER_SYNTAX] },
  },
);
