import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/sqlite";
import type { Db } from "@/lib/db";
import type { AuditInput } from "./record-audit-event";

/** Rows per INSERT: 9 parameters each, well under both databases' limits. */
const CHUNK = 500;

const jsonText = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Appends many audit events with a few multi-row INSERTs, inside the caller's
 * transaction: a correction audits every claim it moves, and one ORM create
 * per event would cost more than the whole re-anchoring (bench/reanchor.bench.ts).
 */
export async function insertAuditEvents(tx: Pick<Db, "$executeRaw">, events: AuditInput[]): Promise<void> {
  const now = new Date();
  for (let i = 0; i < events.length; i += CHUNK) {
    const rows = events
      .slice(i, i + CHUNK)
      .map(
        (e) =>
          Prisma.sql`(${randomUUID()}, ${e.teamId}, ${e.actorId}, ${e.action}, ${e.objectType}, ${e.objectId}, ${jsonText(e.before)}, ${jsonText(e.after)}, ${now})`,
      );
    // Built whole with Prisma.sql (one Sql object that either client reads its own markers from).
    await tx.$executeRaw(
      Prisma.sql`INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "action", "objectType", "objectId", "before", "after", "createdAt") VALUES ${Prisma.join(rows)}`,
    );
  }
}
