import { Prisma } from "@/generated/sqlite";
import type { SqlStatement } from "@/lib/db/direct-sql";
import type { Db } from "@/lib/db";
import { newId } from "@/lib/db/new-id";
import type { AuditInput } from "./record-audit-event";

/**
 * The one INSERT of audit rows outside the ORM, for every path that writes
 * them directly: the claim write's row (lib/server/claims/insert-annotation.ts,
 * on the direct-SQL path) and the batches of a correction, which audits every
 * claim it moves ({@link insertAuditEvents}, in a Prisma transaction), and
 * the audit clause of PostgreSQL's one-statement writes ({@link auditInsertFrom}). A row
 * holds what recordAuditEvent writes through Prisma: a cuid id, `before` and
 * `after` as JSON (NULL when absent), and the time given.
 */
export const AUDIT_COLUMNS = ["id", "teamId", "actorId", "action", "objectType", "objectId", "before", "after", "createdAt"] as const;

/** Rows per INSERT: 9 parameters each, well under both databases' limits. */
const CHUNK = 500;

const jsonText = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** One row's values, in the order of AUDIT_COLUMNS. */
export const auditRowValues = (e: AuditInput, at: Date): unknown[] => [
  newId(),
  e.teamId,
  e.actorId,
  e.action,
  e.objectType,
  e.objectId,
  jsonText(e.before),
  jsonText(e.after),
  at,
];

/** An audit row's values as the named parameters of a statement composed once (lib/db/direct-sql.ts's composedOnce). */
export const AUDIT_PARAMS = AUDIT_COLUMNS.map((c) => `audit_${c}` as const);
export type AuditParam = (typeof AUDIT_PARAMS)[number];

/** One row's values under {@link AUDIT_PARAMS}' names. */
export function auditParams(e: AuditInput, at: Date): Record<AuditParam, unknown> {
  const values = auditRowValues(e, at);
  return Object.fromEntries(AUDIT_PARAMS.map((name, i) => [name, values[i]])) as Record<AuditParam, unknown>;
}

/**
 * For PostgreSQL's one-statement writes (lib/db/direct-sql.ts's
 * checkedWrite): the audit row inserted once for each row of `source`, the
 * name of an earlier data-modifying `WITH` clause, so it is written only if
 * that write was. `after`, if given, replaces the `after` parameter (to put
 * in what the statement itself decided).
 */
export const auditInsertFrom = (p: (name: AuditParam) => unknown, source: string, after?: Prisma.Sql) => Prisma.sql`
  INSERT INTO "AuditEvent" (${Prisma.raw(AUDIT_COLUMNS.map((c) => `"${c}"`).join(", "))})
  SELECT ${Prisma.join(AUDIT_PARAMS.map((name) => (name === "audit_after" && after ? after : p(name))))}
  FROM ${Prisma.raw(`"${source}"`)}`;

/**
 * The text of an INSERT of `rows` rows, as the pieces between its parameters:
 * made once per row count and kept, because both drivers prepare a statement
 * once per pieces array (lib/db/direct-sql.ts) and Prisma's raw queries take
 * such an array as a template.
 */
const templates = new Map<number, TemplateStringsArray>();
function template(rows: number): TemplateStringsArray {
  let pieces = templates.get(rows);
  if (!pieces) {
    const parts = [`INSERT INTO "AuditEvent" (${AUDIT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (`];
    for (let r = 0; r < rows; r++) {
      for (let c = 1; c < AUDIT_COLUMNS.length; c++) parts.push(", ");
      parts.push(r < rows - 1 ? "), (" : ")");
    }
    pieces = Object.freeze(Object.assign(parts, { raw: Object.freeze([...parts]) })) as unknown as TemplateStringsArray;
    templates.set(rows, pieces);
  }
  return pieces;
}

/** The statement that appends one audit event stamped `at` (a claim write's). */
export const auditInsert = (event: AuditInput, at: Date): SqlStatement => ({ strings: template(1), values: auditRowValues(event, at) });

/** The statements that append these audit events (one per CHUNK rows), all stamped `at`. */
export function auditInserts(events: AuditInput[], at: Date): SqlStatement[] {
  const statements: SqlStatement[] = [];
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    statements.push({ strings: template(chunk.length), values: chunk.flatMap((e) => auditRowValues(e, at)) });
  }
  return statements;
}

/**
 * Appends many audit events with a few multi-row INSERTs, inside the caller's
 * Prisma transaction: one ORM create per event would cost more than the whole
 * re-anchoring of a correction (bench/reanchor.bench.ts).
 */
export async function insertAuditEvents(tx: Pick<Db, "$executeRaw">, events: AuditInput[]): Promise<void> {
  for (const s of auditInserts(events, new Date())) await tx.$executeRaw(s.strings, ...s.values);
}
