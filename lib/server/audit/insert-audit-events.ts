import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { rawParams } from "@/lib/db/raw-params";
import type { AuditInput } from "./record-audit-event";

/** Rows per INSERT: 9 parameters each, well under both databases' limits. */
const CHUNK = 500;

const jsonText = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Appends many audit events with a few multi-row INSERTs, inside the caller's
 * transaction: a correction audits every claim it moves, and one ORM create
 * per event would cost more than the whole re-anchoring (bench/reanchor.bench.ts).
 */
export async function insertAuditEvents(tx: Pick<Db, "$executeRawUnsafe">, events: AuditInput[]): Promise<void> {
  const now = new Date();
  for (let i = 0; i < events.length; i += CHUNK) {
    const { params, mark } = rawParams();
    const rows = events.slice(i, i + CHUNK).map((e) => {
      const values = [randomUUID(), e.teamId, e.actorId, e.action, e.objectType, e.objectId, jsonText(e.before), jsonText(e.after), now];
      return `(${values.map(mark).join(", ")})`;
    });
    await tx.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "action", "objectType", "objectId", "before", "after", "createdAt") VALUES ${rows.join(", ")}`,
      ...params,
    );
  }
}
