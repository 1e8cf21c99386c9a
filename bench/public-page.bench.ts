/**
 * Public fact-check page: server time of GET /f/{team}/{article}
 * (loadPublicPage + renderPublicPage, what the route does before the
 * framework sends the bytes) for an article with 100 published claims, each
 * with a rationale, a speaker and two sources (one internal, left out). The
 * floor is the same route for a fact-check of one claim; the target is
 * 50 ms. Medians of three runs of 20 calls, on a fresh SQLite bench
 * database (or BENCH_DATABASE_URL). Not pass/fail.
 */
import { prepareBenchDatabase } from "./support/bench-database";

const url = await prepareBenchDatabase("public-page");
const { db, closeDb } = await import("@/lib/db");
const { currentUserOf, createTeam, createUser, createArticle } = await import("@/seeds/factories");
const { createEvidenceItem, createEvidenceLink } = await import("@/seeds/evidence-factories");
const { viewerOf } = await import("@/lib/server/visibility/viewer");
const { publishArticle } = await import("@/lib/server/publications/publish-article");
const { loadPublicPage } = await import("@/lib/server/publications/load-public-page");
const { renderPublicPage } = await import("@/lib/publish/render-public-page");

const BASE = "https://desk.example";
const TARGET_MS = 50;
const team = await createTeam(db);
await db.team.update({ where: { id: team.id }, data: { publisherName: "Bench Fact Check", publisherUrl: "https://factcheck.example/" } });
const user = await createUser(db, { team, role: "editor" });
const editor = await viewerOf(currentUserOf(user, team, "editor"));

/** An article of `n` paragraphs, one claim per paragraph, published; returns its slug. */
async function published(n: number): Promise<string> {
  const sentence = (i: number) => `Claim number ${i} says the alliance spent ${1000 + i} million on 𝕏 programmes in ${2000 + (i % 24)}.`;
  const text = Array.from(
    { length: n },
    (_, i) => `${sentence(i)} The minister repeated it in a speech, and the opposition disputed the figure the next day.`,
  ).join("\n");
  const article = await createArticle(db, {
    team,
    text,
    meta: { title: `Bench article with ${n} claims`, outlet: "Bench Outlet", url: "https://news.example/a" },
  });
  const v = article.versions[0]!;
  const cps = [...v.text];
  const pub = await createEvidenceItem(db, { team, title: "Budget report 2023", url: "https://budget.example/2023" });
  const internal = await createEvidenceItem(db, { team, title: "Call notes" });
  await db.evidenceItem.update({ where: { id: internal.id }, data: { internal: true } });
  let at = 0;
  for (let i = 0; i < n; i++) {
    const s = sentence(i);
    const start = [...v.text.slice(0, v.text.indexOf(s, at))].length;
    at = v.text.indexOf(s, at) + s.length;
    const end = start + [...s].length;
    const a = await db.annotation.create({
      data: {
        teamId: team.id,
        articleId: article.id,
        versionId: v.id,
        authorId: user.id,
        start,
        end,
        exact: cps.slice(start, end).join(""),
        prefix: cps.slice(Math.max(0, start - 32), start).join(""),
        suffix: cps.slice(end, end + 32).join(""),
        verdict: (["verified", "disputed", "unsourced"] as const)[i % 3],
        rationaleHtml: `<p>The report puts it at <strong>${900 + i}</strong> million; see table ${i}.</p>`,
        speaker: `Minister ${i % 7}`,
        status: "submitted",
      },
    });
    await createEvidenceLink(db, { team, evidenceId: pub.id, claimId: a.id, pinpoint: `Table ${i}` });
    await createEvidenceLink(db, { team, evidenceId: internal.id, claimId: a.id });
  }
  const p = await publishArticle(editor, article.id, {}, BASE);
  return p.slug!;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
async function time(run: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 5; i++) await run();
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    for (let i = 0; i < 20; i++) await run();
    runs.push((performance.now() - t) / 20);
  }
  return median(runs);
}

const one = await published(1);
const hundred = await published(100);
const input = await loadPublicPage(team.slug, hundred, BASE);
const html = renderPublicPage(input);
console.log(
  `Database: ${url.split(":")[0]}; page of 100 claims: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB, ${input.factCheck.claims.length} claims, ${(html.match(/application\/ld\+json/g) ?? []).length} JSON-LD block(s)`,
);

const floor = await time(async () => renderPublicPage(await loadPublicPage(team.slug, one, BASE)));
const load = await time(() => loadPublicPage(team.slug, hundred, BASE));
const render = await time(() => renderPublicPage(input));
const total = await time(async () => renderPublicPage(await loadPublicPage(team.slug, hundred, BASE)));
const row = (label: string, ms: number) => console.log(`${label.padEnd(44)} ${ms.toFixed(2)} ms`);
row("floor: a fact-check of 1 claim (load + render)", floor);
row("100 claims: load (2 queries, snapshot JSON)", load);
row("100 claims: render (HTML + ClaimReview)", render);
row("100 claims: server time (load + render)", total);
console.log(
  `target < ${TARGET_MS} ms: ${total < TARGET_MS ? "met" : "NOT met"} (${((total / TARGET_MS) * 100).toFixed(0)}% of the budget)`,
);
await closeDb();
