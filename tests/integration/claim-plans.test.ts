/**
 * PostgreSQL plans of the statements that find one claim by its id on the
 * hot path (the claim read of every live event, and a change's lock, check
 * and UPDATE): they use the primary key even for a desk the planner's
 * statistics do not know yet. Named by `id` and the team side by side, a
 * claim of a desk created since the last ANALYZE (thought to hold no rows)
 * was found through the team's index, reading every claim of the desk.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseKind } from "@/lib/db/database-url";
import { claimLock, claimUpdate } from "@/lib/server/claims/change-claim";
import { createClaim } from "@/lib/server/claims/create-claim";
import { visibleClaimRowSql } from "@/lib/server/claims/read-all-claims";
import { viewerOf } from "@/lib/server/visibility/viewer";
import { makeDesk } from "../support/actors";

const onPostgres = databaseKind(process.env.DATABASE_URL!) === "postgres";

type Tx = Pick<typeof db, "$queryRawUnsafe">;

/** How a statement's plan reads "Annotation": the index of each scan, or the kind of scan (EXPLAIN, values bound as the driver binds them). */
async function annotationIndexes(tx: Tx, statement: { strings: readonly string[]; values: readonly unknown[] }): Promise<string[]> {
  const text = statement.strings.reduce((out, s, i) => `${out}$${i}${s}`);
  const values = statement.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  const plan = await tx.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${text}`, ...values);
  const found: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    if (node["Relation Name"] === "Annotation" && String(node["Node Type"]).endsWith("Scan"))
      found.push(String(node["Index Name"] ?? node["Node Type"]));
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((plan[0]!["QUERY PLAN"] as { Plan: Record<string, unknown> }[])[0]!.Plan);
  return found;
}

/** Rolls back the transaction `work` ran in, once it has. */
class Rollback extends Error {}

describe.runIf(onPostgres)("(PostgreSQL) one claim found by its id on the hot path", () => {
  it("uses the primary key for a desk newer than the statistics, where `id` with the team took the team's index", async () => {
    const desk = await makeDesk(db);
    const claim = await createClaim(desk.editor, desk.article.id, { versionId: desk.version.id, start: 0, end: 5, verdict: "verified" });
    const viewer = await viewerOf(desk.editor);
    const plans: Record<string, string[]> = {};
    // In one transaction, rolled back (statistics are transactional too): statistics that know every team, as a
    // newsroom's few desks all are known, then a desk grown since, with enough claims that reading them all is slow.
    await db
      .$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`ALTER TABLE "Annotation" ALTER COLUMN "teamId" SET STATISTICS 10000`);
          await tx.$executeRawUnsafe(`ANALYZE "Annotation" ("teamId")`);
          await tx.$executeRaw`
            INSERT INTO "Annotation" ("id", "teamId", "articleId", "versionId", "authorId", "start", "end", "exact", "prefix", "suffix", "verdict", "createdAt", "updatedAt")
            SELECT "id" || '-' || n, "teamId", "articleId", "versionId", "authorId", "start", "end", "exact", "prefix", "suffix", "verdict", "createdAt", "updatedAt"
            FROM "Annotation", generate_series(1, 3000) n WHERE "id" = ${claim.id}`;
          // What the planner does with the id and the team side by side: the case this guards against.
          plans.idAndTeam = await annotationIndexes(tx, {
            strings: [`SELECT 1 FROM "Annotation" WHERE "id" = `, ` AND "teamId" = `, ""],
            values: [claim.id, desk.team.id],
          });
          plans.read = await annotationIndexes(tx, visibleClaimRowSql(viewer.visibility, claim.id));
          plans.readLive = await annotationIndexes(tx, visibleClaimRowSql(viewer.visibility, claim.id, { live: true }));
          plans.lock = await annotationIndexes(tx, claimLock(claim.id));
          plans.update = await annotationIndexes(tx, claimUpdate(["verdict"], ["disputed", new Date(), claim.id, 1]));
          throw new Rollback();
        },
        { timeout: 30_000 },
      )
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(plans.idAndTeam).not.toEqual(["Annotation_pkey"]);
    const pk = ["Annotation_pkey"];
    expect(plans).toMatchObject({ read: pk, readLive: pk, lock: pk, update: pk });
  });

  it("has the tables that grow with a desk's work analyzed after 1,000 rows plus 2%, not 10%", async () => {
    const rows = await db.$queryRaw<{ relname: string; reloptions: string | null }[]>`
      SELECT relname::text AS "relname", array_to_string(reloptions, ',') AS "reloptions"
      FROM pg_class WHERE relname IN ('Annotation', 'EvidenceLink', 'AuditEvent') ORDER BY relname`;
    expect(rows.map((r) => [r.relname, (r.reloptions ?? "").split(",").sort()])).toEqual(
      ["Annotation", "AuditEvent", "EvidenceLink"].map((t) => [
        t,
        ["autovacuum_analyze_scale_factor=0.02", "autovacuum_analyze_threshold=1000"],
      ]),
    );
  });
});
