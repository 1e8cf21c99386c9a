import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ClaimDto } from "@/lib/schemas/claim";
import { recordAuditEvent, type AuditInput } from "@/lib/server/audit/record-audit-event";
import { roundAnnotationEditBlock } from "@/lib/policies/round";
import { publishClaimEvent } from "./claim-event";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { checkThenWrite, fromPrismaSql, sql, type SqlStatement } from "@/lib/db/direct-sql";
import { auditInsert } from "@/lib/server/audit/insert-audit-events";
import { claimSelect, toClaimDto, type ClaimRow } from "./claim-dto";
import { claimRowInTeam, claimRowOf, readClaimRow } from "./read-all-claims";

type Row = ClaimRow;
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The claim if the caller may see it (blind review: someone else's draft in an open round is as missing as another team's). */
function findClaimRow(user: Viewer, claimId: string) {
  if (!claimId) throw notFound("Claim not found.");
  return readClaimRow(user.visibility, claimId);
}

/** What a change may set on a claim row: its own columns, never its identity, place in a round, or version. */
const CHANGEABLE = new Set([
  "verdict",
  "rationaleHtml",
  "speaker",
  "firstAppearanceUrl",
  "firstAppearanceDate",
  "deletedAt",
  "start",
  "end",
  "exact",
  "prefix",
  "suffix",
  "anchorState",
  "anchorScore",
]);

type Change = {
  action: string;
  allowed: (row: Row) => boolean;
  data: (row: Row) => Record<string, unknown>;
  /** More writes in the same transaction, after the compare-and-set (evidence copied, a link kept). */
  also?: (tx: Tx, row: Row) => Promise<unknown>;
  /** What the audit event's `after` adds to the row (what `also` did). */
  auditExtra?: Record<string, unknown>;
};

/**
 * The shared shape of every change to an existing claim: load it if the
 * caller may see it (404 otherwise), check the policy (403), apply the change
 * only if the row still has the version the client read (409 with the
 * current state otherwise), and audit it. The compare-and-set happens in
 * one UPDATE, so two concurrent writers cannot both win.
 *
 * An edit is as frequent as a create (every verdict and rationale saved), so
 * a change with no further writes runs on the direct-SQL path, as a create
 * does: the read, then one transaction that reads the row again, and writes
 * the UPDATE and its audit row only if the version is still the one read
 * (lib/db/direct-sql.ts's checkThenWrite: on PostgreSQL the row is locked
 * first, so the compare and the write cannot be split by another writer).
 * Through Prisma the same edit cost about 6 ms of the server's CPU on SQLite
 * and 14 on PostgreSQL, where a create costs 1.3. A change with `also`
 * (applying an earlier claim's verdict copies its evidence) keeps Prisma's
 * transaction for its further writes.
 */
export async function changeClaim(user: Viewer, claimId: string, expectedVersion: number, change: Change): Promise<ClaimDto> {
  const before = await findClaimRow(user, claimId);
  if (!before) throw notFound("Claim not found.");
  if (!change.allowed(before)) throw new AppError("FORBIDDEN", roundAnnotationEditBlock(user, before) ?? "You may not change this claim.");
  if (before.version !== expectedVersion) throw conflict(before, user);

  const after = change.also
    ? await changeWithPrisma(user, claimId, expectedVersion, before, change)
    : await changeDirect(user, claimId, expectedVersion, before, change);
  if (!after) {
    const current = await findClaimRow(user, claimId);
    if (!current) throw notFound("Claim not found.");
    throw conflict(current, user);
  }
  publishClaimEvent(user, after);
  return toClaimDto(after, user);
}

/** The change in one direct-SQL transaction; null if the row has moved past `expectedVersion` (or is gone). */
async function changeDirect(user: Viewer, claimId: string, expectedVersion: number, before: Row, change: Change): Promise<Row | null> {
  const data = change.data(before);
  const columns = Object.keys(data);
  for (const c of columns) if (!CHANGEABLE.has(c)) throw new Error(`changeClaim: "${c}" is not a column a change may set`);
  const now = new Date();
  let after: Row | null = null;
  await checkThenWrite<Record<string, unknown>>(
    claimRowInTeam({ id: claimId, teamId: user.teamId }),
    (found) => {
      const row = found ? claimRowOf(found) : null;
      if (!row || row.version !== expectedVersion) return [];
      // The row as it reads after the UPDATE: what the Prisma path read back inside its transaction.
      after = { ...row, ...data, version: row.version + 1, updatedAt: now } as Row;
      return [
        claimUpdate(columns, [...columns.map((c) => data[c]), now, claimId, user.teamId, expectedVersion]),
        auditInsert(changeAudit(user, claimId, change, before, after), now),
      ];
    },
    sql`SELECT 1 FROM "Annotation" WHERE "id" = ${claimId} AND "teamId" = ${user.teamId} FOR UPDATE`,
  );
  return after;
}

/** The audit event of a change: the row before it, and after it with what `auditExtra` adds. */
function changeAudit(user: Viewer, claimId: string, change: Change, before: Row, after: Row): AuditInput {
  return {
    teamId: user.teamId,
    actorId: user.id,
    action: change.action,
    objectType: "annotation",
    objectId: claimId,
    before,
    after: { ...after, ...change.auditExtra },
  };
}

/**
 * The compare-and-set UPDATE of `columns`, one statement text per set of
 * columns (interned, so each keeps its prepared statement). Its values: the
 * columns' own, then the time, the claim's id, its team and the version read.
 */
function claimUpdate(columns: string[], values: unknown[]): SqlStatement {
  const sets = [...columns.map((c) => `"${c}" = `), `"version" = "version" + 1, "updatedAt" = `];
  const strings = [`UPDATE "Annotation" SET ${sets[0]}`, ...sets.slice(1).map((set) => `, ${set}`)];
  return fromPrismaSql({ strings: [...strings, ` WHERE "id" = `, ` AND "teamId" = `, ` AND "version" = `, ""], values });
}

async function changeWithPrisma(user: Viewer, claimId: string, expectedVersion: number, before: Row, change: Change): Promise<Row | null> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id: claimId, teamId: user.teamId, version: expectedVersion },
      data: { ...change.data(before), version: { increment: 1 } },
    });
    if (count === 0) return null;
    if (change.also) await change.also(tx, before);
    const row = await tx.annotation.findFirstOrThrow({ where: { id: claimId, teamId: user.teamId }, select: claimSelect });
    await recordAuditEvent(tx, changeAudit(user, claimId, change, before, row));
    return row;
  });
}

function conflict(current: Row, user: Viewer) {
  return new AppError("CONFLICT", "Someone changed this claim in the meantime. Here is the current version.", {
    current: toClaimDto(current, user),
  });
}
