import { Prisma } from "@/generated/sqlite";
import type { Db } from "@/lib/db";
import type { AnchorResult } from "@/lib/anchoring/reanchor";

type Tx = Pick<Db, "$executeRaw">;

/** One claim row to move: its id, the row version it was read at, and where re-anchoring put it. */
export type RowMove = { id: string; version: number; result: AnchorResult };

/**
 * The tables whose rows hold selectors on an article version, with the same
 * selector and anchor columns: annotations (reviewers' and editors' claims)
 * and the final claims of review rounds.
 */
const ANCHORED_TABLES = { annotation: "Annotation", claim: "Claim" } as const;
export type AnchoredTable = keyof typeof ANCHORED_TABLES;

/** Rows per UPDATE: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters (7 per row). */
const CHUNK = 500;

/**
 * Moves rows of `table` onto a new version with a few UPDATE ... FROM (VALUES ...)
 * statements instead of one per row: 1,000 single-row updates cost seconds
 * on PostgreSQL (a round trip each), a bulk update a few milliseconds
 * (bench/reanchor.bench.ts). The SQL reads the same on SQLite (3.33+) and
 * PostgreSQL; Prisma.sql writes each database's parameter markers. Returns how many rows were
 * still at the version read, so the caller can tell a concurrent edit.
 */
export async function moveClaimRows(tx: Tx, table: AnchoredTable, teamId: string, versionId: string, moves: RowMove[]): Promise<number> {
  // A fixed name from ANCHORED_TABLES, never input.
  const t = Prisma.raw(`"${ANCHORED_TABLES[table]}"`);
  let moved = 0;
  // The state is written as a literal: PostgreSQL casts a literal to the enum, never a text value.
  for (const state of ["anchored", "moved", "drifted", "orphaned"] as const) {
    const group = moves.filter((m) => m.result.state === state);
    for (let i = 0; i < group.length; i += CHUNK) {
      const rows = group
        .slice(i, i + CHUNK)
        .map(
          ({ id, version, result: r }) =>
            Prisma.sql`(${id}, ${version}, ${r.start}, ${r.end}, ${r.exact}, ${r.prefix}, ${r.suffix}, ${r.score})`,
        );
      // Built whole with Prisma.sql, then run: each client reads the markers it needs from the one object.
      moved += await tx.$executeRaw(Prisma.sql`
        UPDATE ${t} SET "versionId" = ${versionId}, "updatedAt" = ${new Date()}, "start" = CAST(v.column3 AS INTEGER), "end" = CAST(v.column4 AS INTEGER),
           "exact" = v.column5, "prefix" = v.column6, "suffix" = v.column7, "anchorScore" = CAST(v.column8 AS DOUBLE PRECISION),
           "anchorState" = ${Prisma.raw(`'${state}'`)}, "version" = ${t}."version" + 1
         FROM (VALUES ${Prisma.join(rows)}) AS v
         WHERE ${t}."id" = v.column1 AND ${t}."teamId" = ${teamId} AND ${t}."version" = CAST(v.column2 AS INTEGER)`);
    }
  }
  return moved;
}
