import { newId } from "@/lib/db/new-id";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/sqlite";
import { checkedWrite, composedOnce, sql } from "@/lib/db/direct-sql";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { LinkEvidenceInput } from "@/lib/schemas/evidence";
import { canLinkEvidence } from "@/lib/policies/evidence";
import { recordAuditEvent, type AuditInput } from "@/lib/server/audit/record-audit-event";
import { auditInsertFrom, auditParams, auditInsert, type AuditParam } from "@/lib/server/audit/insert-audit-events";
import { newEvidenceItem } from "./create-evidence";
import { readClaimRow } from "@/lib/server/claims/read-all-claims";
import { linkSelect, toEvidenceLinkDto } from "./evidence-link-dto";
import { evidenceSelect } from "./evidence-dto";

const ITEM_GONE = "This item was deleted from the library.";

type CheckParam = "teamId" | "evidenceId" | "annotationId";

/**
 * What the attach of an existing item checks inside its transaction, in one
 * statement: the item is the team's (404 otherwise) and live (400 on
 * `evidenceId` for a tombstone), and not yet attached to the claim (the id
 * of the link that is, for the 409). On PostgreSQL the transaction first
 * locks the item's row (FOR UPDATE): a concurrent attach of the same item,
 * or a concurrent delete of it, waits for this transaction, or this one for
 * it, so the check sees what the other committed. (On SQLite every write
 * transaction is IMMEDIATE, so they are serialized anyway.)
 *
 * It is a reviewer's everyday write, beside creating and editing claims, so
 * it runs on the direct-SQL path (lib/db/direct-sql.ts says why): through
 * Prisma's interactive transaction it cost 2.3 ms of the server's time on
 * SQLite and 4.9 ms on PostgreSQL. The item is found by its primary key in a
 * subquery, then held to the team (docs/databases.md, "One claim by its
 * primary key", says why). On PostgreSQL the check is the WHERE of the
 * link's insert ({@link checkedLink}), so the attach is one message; it
 * runs on its own only to explain a refusal.
 */
const attachSelect = (p: (name: CheckParam) => unknown) => Prisma.sql`
  SELECT (i."deletedAt" IS NULL) AS "live",
    (SELECT l."id" FROM "EvidenceLink" l
     WHERE l."annotationId" = ${p("annotationId")} AND l."evidenceId" = i."id" AND l."teamId" = i."teamId" AND l."deletedAt" IS NULL
     LIMIT 1) AS "existing"
  FROM (SELECT "id", "teamId", "deletedAt" FROM "EvidenceItem" WHERE "id" = ${p("evidenceId")} LIMIT 1) i
  WHERE i."teamId" = ${p("teamId")}`;
const attachCheck = composedOnce<CheckParam>(attachSelect);

/** The link's columns. */
const COLUMNS = ["id", "teamId", "evidenceId", "annotationId", "stance", "pinpoint", "createdById", "createdAt"] as const;
type Column = (typeof COLUMNS)[number];
const columnList = Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(", "));

/** The link's insert once the check has passed (SQLite, and PostgreSQL's explaining path). */
const plainLink = composedOnce<Column>(
  (p) => Prisma.sql`INSERT INTO "EvidenceLink" (${columnList}) VALUES (${Prisma.join(COLUMNS.map((c) => p(c)))})`,
);

/**
 * PostgreSQL's attach as one statement (lib/db/direct-sql.ts's
 * checkedWrite): the check of {@link attachSelect}, the link inserted where
 * it passes (the item live, no live link of it on the claim yet), and its
 * audit row. Returns the link's id, or no row if it wrote nothing.
 */
const checkedLink = composedOnce<Column | CheckParam | AuditParam>(
  (p) => Prisma.sql`
    WITH c AS (${attachSelect(p)}),
    ins AS (
      INSERT INTO "EvidenceLink" (${columnList})
      SELECT ${Prisma.join(COLUMNS.map((col) => p(col)))} FROM c WHERE c."live" AND c."existing" IS NULL
      RETURNING "id"
    ),
    aud AS (${auditInsertFrom(p, "ins")})
    SELECT "id" FROM ins`,
);

/** What {@link attachCheck} reads (SQLite answers 0/1, PostgreSQL a boolean). */
type AttachCheck = { live: unknown; existing: string | null };

/**
 * Attaches the existing item `link.evidenceId` in one transaction: the check
 * above, then the link and its audit row. Resolves to the id of the link
 * already there (nothing written), or null.
 */
async function attachExisting(link: NewLink, id: string, audit: AuditInput, now: Date): Promise<string | null> {
  const row = { id, ...link, createdAt: now };
  const lock = sql`SELECT 1 FROM "EvidenceItem" WHERE "id" = ${link.evidenceId} FOR UPDATE`;
  // On PostgreSQL the whole attach is one message when the check passes; `decide` explains a refusal.
  const done = await checkedWrite<AttachCheck, { id: string }>(
    attachCheck(link),
    (checked) => {
      if (!checked) throw notFound("Evidence not found.");
      if (!(checked.live === true || Number(checked.live) === 1)) throw new AppError("INVALID_INPUT", ITEM_GONE, { field: "evidenceId" });
      if (checked.existing) return [];
      return [plainLink(row), auditInsert(audit, now)];
    },
    lock,
    () => checkedLink({ ...row, ...auditParams(audit, now) }),
  );
  return "checked" in done ? (done.checked?.existing ?? null) : null;
}

type NewLink = {
  teamId: string;
  evidenceId: string;
  annotationId: string;
  stance: LinkEvidenceInput["stance"];
  pinpoint: string | null;
  createdById: string;
};

/**
 * POST /api/claims/{id}/evidence: attaches an item of the team's library to
 * a claim of the team with a stance, or creates a new item (`evidence`) and
 * attaches it in the same transaction, so a failed attach leaves no orphan.
 * An item already attached to the claim is a 409 with that link.
 *
 * The answer is the link as written, with its item read after the commit
 * (its sources, facts and the uses the viewer may see): reading the new link
 * back with its relations cost another 3-4 ms on PostgreSQL.
 * tests/integration/evidence.test.ts compares it with the claim's list.
 */
export async function linkEvidence(user: Viewer, claimId: string, input: LinkEvidenceInput) {
  const { teamId } = user;
  // A live claim of a live article that the viewer may see (the claim read of GET /api/claims/{id}), else 404.
  const claim = await readClaimRow(user.visibility, claimId, { live: true });
  if (!claim) throw notFound("Claim not found.");
  if (!canLinkEvidence(user, claim)) throw new AppError("FORBIDDEN", "You may not change the evidence of this claim.");
  const created = input.evidence ? await newEvidenceItem(user, input.evidence) : null;
  const evidenceId = created?.id ?? input.evidenceId!;

  const id = newId();
  const now = new Date();
  const link: NewLink = {
    teamId,
    evidenceId,
    annotationId: claim.id,
    stance: input.stance,
    pinpoint: input.pinpoint ?? null,
    createdById: user.id,
  };
  const audit: AuditInput = { teamId, actorId: user.id, action: "evidence.link", objectType: "evidence_link", objectId: id, after: link };
  const existingId = created
    ? await db.$transaction(async (tx) => {
        // A new item and its first link: rarer, and the item's create with its sources and facts stays with Prisma.
        await tx.evidenceItem.create({ data: created.data, select: { id: true } });
        await recordAuditEvent(tx, created.audit);
        await tx.evidenceLink.create({ data: { id, ...link, createdAt: now }, select: { id: true } });
        await recordAuditEvent(tx, audit);
        return null;
      })
    : await attachExisting(link, id, audit, now);
  // Read after the commit: Prisma loads the nested relations with parallel queries, which one transaction's connection cannot run.
  if (existingId) {
    const row = await db.evidenceLink.findFirstOrThrow({ where: { id: existingId, teamId }, select: linkSelect(user.visibility) });
    throw new AppError("CONFLICT", "This item is already attached to the claim.", { current: toEvidenceLinkDto(row, user) });
  }
  // The new link is what was just written; only its item (sources, facts, uses the viewer may see) is read.
  const evidence = await db.evidenceItem.findFirstOrThrow({ where: { id: evidenceId, teamId }, select: evidenceSelect(user.visibility) });
  const annotation = { authorId: claim.authorId, deletedAt: claim.deletedAt };
  return toEvidenceLinkDto(
    { id, annotationId: claim.id, stance: link.stance, pinpoint: link.pinpoint, version: 1, createdAt: now, evidence, annotation },
    user,
  );
}
