/**
 * Evidence library: milliseconds per call of the use cases behind
 * the library search, the claim card's evidence (with the date hint) and an
 * item's page, on a library of 2,000 items, on a fresh SQLite bench database
 * (or BENCH_DATABASE_URL, e.g. a PostgreSQL test database). Not pass/fail.
 */
import { prepareBenchDatabase } from "./support/bench-database";

const url = await prepareBenchDatabase("evidence");

// Imported after DATABASE_URL is set: the client reads it once.
const { db, closeDb } = await import("@/lib/db");
const { currentUserOf, createTeam, createUser, createArticle } = await import("@/seeds/factories");
const { createEvidenceItem, createClaimOnPhrase, createEvidenceLink } = await import("@/seeds/evidence-factories");
const { listEvidence } = await import("@/lib/server/evidence/list-evidence");
const { listClaimEvidence } = await import("@/lib/server/evidence/list-claim-evidence");
const { getEvidence } = await import("@/lib/server/evidence/get-evidence");
const { dateHints } = await import("@/lib/dates/date-hint");
const { viewerOf } = await import("@/lib/server/visibility/viewer");

const N = 2000;
const team = await createTeam(db);
const u = await createUser(db, { team, role: "editor" });
const user = currentUserOf(u, team, "editor");
const viewer = await viewerOf(user);
await db.evidenceItem.createMany({
  data: Array.from({ length: N }, (_, i) => {
    const publisher = i % 10 ? "Yonhap" : "KBS World";
    return {
      teamId: team.id,
      kind: "web_source" as const,
      title: `Report ${i} on tanks`,
      publisher,
      url: `https://example.org/${i}`,
      searchText: `report ${i} on tanks\n${publisher.toLowerCase()}\nhttps://example.org/${i}`,
    };
  }),
});
const article = await createArticle(db, {
  team,
  text: "Stoltenberg said the summit in Madrid was in July last year. Poland bought hundreds of tanks.",
});
const claim = await createClaimOnPhrase(db, {
  team,
  version: { ...article.versions[0]!, articleId: article.id },
  authorId: u.id,
  phrase: "the summit in Madrid was in July last year",
  verdict: "disputed",
});
const fact = await createEvidenceItem(db, {
  team,
  kind: "dated_fact",
  title: "NATO Madrid Summit, 28-30 June 2022",
  dateStart: "2022-06-28",
  dateEnd: "2022-06-30",
  datePrecision: "day",
});
await createEvidenceLink(db, { team, evidenceId: fact.id, claimId: claim.id });
for (let i = 0; i < 5; i++)
  await createEvidenceLink(db, { team, evidenceId: (await createEvidenceItem(db, { team, title: `Linked ${i}` })).id, claimId: claim.id });

async function time(label: string, run: () => unknown, n = 50) {
  await run();
  const t = performance.now();
  for (let i = 0; i < n; i++) await run();
  console.log(`${label.padEnd(44)} ${((performance.now() - t) / n).toFixed(2)} ms`);
}
console.log(`Database: ${url.split(":")[0]}, ${N} items`);
await time("library, no query (first 50)", () => listEvidence(viewer, {}));
await time('search "kbs tanks" (200 matches, first 50)', () => listEvidence(viewer, { q: "kbs tanks" }));
await time('search "report 1999" (1 match)', () => listEvidence(viewer, { q: "report 1999" }));
await time('search "50%" (literal wildcard)', () => listEvidence(viewer, { q: "50%" }));
await time("claim's evidence: 6 links + date hint", () => listClaimEvidence(viewer, claim.id));
await time("item page with usage", () => getEvidence(viewer, fact.id));
await time("date hint alone (chrono)", () => dateHints("the summit in Madrid was in July last year", "2023-01-29", [fact]), 500);
await db.team.delete({ where: { id: team.id } });
await closeDb();
