/**
 * The article page's claims read on the server, in process: 5,000 claims of
 * a 200,000-character article read for an editor through Prisma (the API's
 * listClaimsPage, one page holding them all) and straight on the driver
 * (listAllClaims, lib/server/claims/read-all-claims.ts, what the page's
 * first response uses). Wall and CPU time, median of RUNS after a warm-up;
 * `npm run bench article-claims-read` (BENCH_DATABASE_URL for PostgreSQL).
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { prepareBenchDatabase } from "./support/bench-database";
import { createLargeArticle, median } from "./support/large-article";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CLAIMS = 5_000;
process.env.CLAIMDESK_CLAIMS_PAGE_SIZE = String(CLAIMS);
await prepareBenchDatabase("article-claims-read");
const { db, closeDb } = await import("@/lib/db");
const { createTeam, createUser, currentUserOf } = await import("@/seeds/factories");
const { listAllClaims, listClaimsPage } = await import("@/lib/server/claims/list-claims");
const { viewerOf } = await import("@/lib/server/visibility/viewer");

const team = await createTeam(db);
const user = await createUser(db, { team, role: "editor" });
const { article } = await createLargeArticle(db, { team, authorId: user.id, chars: 200_000, claims: CLAIMS });
const viewer = await viewerOf(currentUserOf(user, team, "editor") as CurrentUser);

async function time(what: string, read: () => Promise<unknown>) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await read();
    const dt = performance.now() - t0;
    const dc = process.cpuUsage(c0);
    if (run === 0) continue;
    wall.push(dt);
    cpu.push((dc.user + dc.system) / 1000);
  }
  console.log(`  ${what.padEnd(52)} ${median(wall).toFixed(0).padStart(5)} ms wall, ${median(cpu).toFixed(0).padStart(5)} ms CPU`);
}

console.log(`article-claims-read: ${CLAIMS.toLocaleString("en")} claims, median of ${RUNS} after a warm-up`);
await time("Prisma (listClaimsPage, one page of all)", async () => {
  const page = await listClaimsPage(viewer, article.id);
  if (page.claims.length !== CLAIMS) throw new Error(`read ${page.claims.length} claims`);
});
await time("direct SQL (listAllClaims)", async () => {
  const claims = await listAllClaims(viewer, article.id);
  if (claims.length !== CLAIMS) throw new Error(`read ${claims.length} claims`);
});
await closeDb();
