/**
 * Activity page: milliseconds per page of GET /api/team/activity's
 * use case on a team with 100,000 audit events (and another team's 20,000
 * beside it): the first page, a page 1,000 pages deep (keyset cursor), and
 * the person, action and article filters. Medians of three runs of 20 calls,
 * on a fresh SQLite bench database (or BENCH_DATABASE_URL). Not pass/fail.
 */
import { prepareBenchDatabase } from "./support/bench-database";

const url = await prepareBenchDatabase("activity");
const { db, closeDb } = await import("@/lib/db");
const { createTeam, createUser, createArticle } = await import("@/seeds/factories");
const { insertAuditEvents } = await import("@/lib/server/audit/insert-audit-events");
const { listActivity } = await import("@/lib/server/team/list-activity");
const { viewerOf } = await import("@/lib/server/visibility/viewer");

const N = 100_000;
const team = await createTeam(db);
const other = await createTeam(db);
const people = await Promise.all([0, 1, 2, 3, 4].map(() => createUser(db, { team, role: "editor" })));
const articles = await Promise.all(
  Array.from({ length: 20 }, (_, i) => createArticle(db, { team, text: `Article ${i} text.`, meta: { title: `Article ${i}` } })),
);
const actions = ["claim.create", "claim.update", "evidence.link", "comment.create", "member.role"];

// Claims to point the events at: 50 per article.
const annotationIds: { id: string; articleId: string }[] = [];
for (const a of articles) {
  const rows = Array.from({ length: 50 }, (_, i) => ({
    id: `${a.id}-${i}`,
    teamId: team.id,
    articleId: a.id,
    versionId: a.versions[0]!.id,
    authorId: people[i % 5]!.id,
    start: 0,
    end: 7,
    exact: "Article",
    prefix: "",
    suffix: "",
    verdict: "verified" as const,
  }));
  await db.annotation.createMany({ data: rows });
  annotationIds.push(...rows.map((r) => ({ id: r.id, articleId: a.id })));
}
const t0 = performance.now();
const events = (teamId: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    teamId,
    actorId: teamId === team.id ? people[i % 5]!.id : null,
    action: actions[i % actions.length]!,
    objectType: "annotation",
    objectId: annotationIds[i % annotationIds.length]!.id,
  }));
for (let i = 0; i < N; i += 10_000) await insertAuditEvents(db, events(team.id, 10_000));
await insertAuditEvents(db, events(other.id, 20_000));
console.log(`Database: ${url.split(":")[0]}; ${N} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const viewer = await viewerOf({
  id: people[0]!.id,
  email: "",
  name: null,
  teamId: team.id,
  teamName: team.name,
  role: "admin" as const,
  teams: [],
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
async function time(label: string, run: () => Promise<unknown>) {
  await run();
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    for (let i = 0; i < 20; i++) await run();
    runs.push((performance.now() - t) / 20);
  }
  console.log(`${label.padEnd(48)} ${median(runs).toFixed(2)} ms (runs ${runs.map((x) => x.toFixed(2)).join(", ")})`);
}

let cursor: string | null = null;
for (let i = 0; i < 1000; i++) cursor = (await listActivity(viewer, { limit: 50, before: cursor ?? undefined })).next;
const deep = cursor!;
await time("first page (50)", () => listActivity(viewer, { limit: 50 }));
await time("page 1,001 (keyset cursor)", () => listActivity(viewer, { limit: 50, before: deep }));
await time("filter: one person", () => listActivity(viewer, { limit: 50, actor: people[3]!.id }));
await time("filter: one action", () => listActivity(viewer, { limit: 50, action: "comment.create" }));
await time("filter: action group (member.*)", () => listActivity(viewer, { limit: 50, action: "member" }));
await time("filter: one article (5,000 events)", () => listActivity(viewer, { limit: 50, article: articles[7]!.id }));
await time("filter: article, deep (page 50)", async () => {
  let c: string | undefined;
  for (let i = 0; i < 50; i++) c = (await listActivity(viewer, { limit: 50, article: articles[7]!.id, before: c })).next ?? undefined;
});
await db.team.deleteMany({ where: { id: { in: [team.id, other.id] } } });
await closeDb();
