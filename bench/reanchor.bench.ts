/**
 * Re-anchoring: 1,000 claims on an article of exactly 100,000
 * characters, after different corrections.
 * 1. The pure function the server runs when a correction is saved
 *    (lib/anchoring/reanchor.ts): total and per-claim milliseconds (median of
 *    RUNS runs after a warm-up) and the resulting states. The worst case, the
 *    whole article rewritten, is cut off by the re-anchoring budget
 *    (lib/anchoring/reanchor-budget.ts); its line also shows the time without one.
 * 2. The whole save (lib/server/articles/correct-article.ts): re-anchoring
 *    planned before the transaction, then the new version and 1,000 claim rows
 *    moved and audited in one transaction, on a fresh SQLite bench database
 *    (or BENCH_DATABASE_URL).
 * Run: `npx tsx bench/reanchor.bench.ts` (or `npm run bench reanchor`).
 */
import { describeSpan } from "@/lib/anchoring/selectors";
import { normalizeText } from "@/lib/anchoring/normalize-text";
import { reanchor, type AnchorInput } from "@/lib/anchoring/reanchor";
import { DEFAULT_MATCH_OPTIONS } from "@/lib/anchoring/match-quote";
import { REANCHOR_BUDGET_MS, UNLIMITED_BUDGET } from "@/lib/anchoring/reanchor-budget";
import { prepareBenchDatabase } from "./support/bench-database";
import { anchorFields } from "@/lib/schemas/claim";

const LENGTH = 100_000;
const CLAIMS = 1_000;
const RUNS = 7;

// A seeded generator, so every run benches the same text and claims.
let seed = 20230130;
const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed % n);
const WORDS = (
  "NATO Secretary-General Jens Stoltenberg visited Seoul Tokyo South Korea Japan Ukraine Russia China alliance " +
  "minister president weapons support security region said urged called war aid military the of and to in a on for with " +
  "as that its which their talks summit agency analyst policy countries partners East Asia Pacific deterrence nuclear"
).split(" ");

function sentence(): string {
  const words = Array.from({ length: 8 + rand(18) }, () => WORDS[rand(WORDS.length)]!);
  return `${words.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
}

/** A canonical text of exactly LENGTH characters (all ASCII, so as many code points). */
function article(): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < LENGTH) {
    const p = Array.from({ length: 3 + rand(5) }, sentence).join(" ");
    paragraphs.push(p);
    length += p.length + 1;
  }
  // Cut one short and end on a full stop; a cut right after a space or line break takes one more letter.
  const body = paragraphs.join("\n").slice(0, LENGTH - 1);
  const text = `${/\s$/.test(body) ? `${body.slice(0, -1)}s` : body}.`;
  if (text.length !== LENGTH || normalizeText(text) !== text) throw new Error(`bench article: ${text.length} characters, or not canonical`);
  return text;
}

function claims(text: string): AnchorInput[] {
  return Array.from({ length: CLAIMS }, (_, i) => {
    // Spans of 20-120 characters, widened to whole words.
    let start = rand(text.length - 150);
    while (start > 0 && text[start - 1] !== " " && text[start - 1] !== "\n") start--;
    let end = start + 20 + rand(100);
    while (end < text.length && /\S/.test(text[end]!)) end++;
    const { quote } = describeSpan(text, start, end);
    return { id: `c${i}`, start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
  });
}

const text = article();
const input = claims(text);
const middle = text.indexOf(" ", text.length / 2);
const paragraphs = text.split("\n");

const corrections: [string, string][] = [
  ["one word changed mid-article", `${text.slice(0, middle)} corrected${text.slice(middle)}`],
  ["a sentence inserted at the top (every claim moves)", `Editor’s note: this article was corrected on 2 February. ${text}`],
  [
    "50 words changed across the article (fuzzy path)",
    Array.from({ length: 50 }, (_, i) => Math.floor(((i + 0.5) * text.length) / 50)).reduceRight((t, at) => {
      const s = t.indexOf(" ", at);
      const e = t.indexOf(" ", s + 1);
      return s < 0 || e < 0 ? t : `${t.slice(0, s)} amended${t.slice(e)}`;
    }, text),
  ],
  ["a paragraph moved from the top to the end", [...paragraphs.slice(1), paragraphs[0]!].join("\n")],
  // Another generated article: no paragraph survives, every claim is searched for in all of it.
  ["the whole article rewritten (budget-bound)", article()],
];
const rewritten = corrections[corrections.length - 1]![1];

console.log(
  `article: ${text.length.toLocaleString("en")} characters, ${paragraphs.length} paragraphs; ${CLAIMS.toLocaleString("en")} claims; median of ${RUNS} runs`,
);
for (const [name, next] of corrections) {
  reanchor(text, next, input); // warm-up
  const times: number[] = [];
  let results = reanchor(text, next, input);
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    results = reanchor(text, next, input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)]!;
  const states = results.reduce<Record<string, number>>((acc, r) => ((acc[r.state] = (acc[r.state] ?? 0) + 1), acc), {});
  const cut = results.filter((r) => r.budgetExceeded).length;
  console.log(
    `${name.padEnd(55)} ${ms.toFixed(1).padStart(8)} ms total  ${(ms / CLAIMS).toFixed(4)} ms/claim  ${JSON.stringify(states)}${cut ? `, ${cut} orphaned by the ${REANCHOR_BUDGET_MS} ms budget` : ""}`,
  );
}
{
  // Once, without a budget: what the budget saves.
  const t0 = performance.now();
  const results = reanchor(text, rewritten, input, DEFAULT_MATCH_OPTIONS, UNLIMITED_BUDGET);
  const ms = performance.now() - t0;
  const states = results.reduce<Record<string, number>>((acc, r) => ((acc[r.state] = (acc[r.state] ?? 0) + 1), acc), {});
  console.log(
    `${"the whole article rewritten, no budget (one run)".padEnd(55)} ${ms.toFixed(1).padStart(8)} ms total  ${(ms / CLAIMS).toFixed(4)} ms/claim  ${JSON.stringify(states)}`,
  );
}

/** Phase 2: the use case against a database, for the one-word correction and the whole rewrite. */
async function benchSave() {
  const url = await prepareBenchDatabase("reanchor");
  const { db, closeDb } = await import("@/lib/db");
  const { currentUserOf, createArticle, createTeam, createUser } = await import("@/seeds/factories");
  const { correctArticle } = await import("@/lib/server/articles/correct-article");
  const { planReanchor } = await import("@/lib/server/articles/reanchor-claims");
  const team = await createTeam(db);
  const user = await createUser(db, { team, role: "editor" });
  const editor = currentUserOf(user, team, "editor");
  const kind = url.startsWith("postgres") ? "PostgreSQL" : "SQLite";
  for (const [name, next] of [
    ["one word changed", corrections[0]![1]],
    ["whole article rewritten", rewritten],
  ] as const) {
    const article = await createArticle(db, { team, text, stripFurniture: false });
    const version = article.versions[0]!;
    await db.annotation.createMany({
      data: input.map((c) => ({
        teamId: team.id,
        articleId: article.id,
        versionId: version.id,
        authorId: user.id,
        ...anchorFields(c),
        verdict: "verified" as const,
      })),
    });
    // The part of a save that runs before its transaction (read-only, so it can be timed on its own).
    const p0 = performance.now();
    await planReanchor({ teamId: team.id, articleId: article.id }, version, next);
    const planMs = performance.now() - p0;
    const t0 = performance.now();
    const { reanchored } = await correctArticle(editor, article.id, { version: 1, text: next });
    const ms = performance.now() - t0;
    console.log(
      `save: ${name}, 1,000 rows moved (${kind})`.padEnd(55),
      `${ms.toFixed(1).padStart(8)} ms total  ${(ms / CLAIMS).toFixed(4)} ms/claim  ${JSON.stringify(reanchored)}; planned before the transaction: ${planMs.toFixed(1)} ms`,
    );
  }
  await closeDb();
}

await benchSave();
process.exit(0);
