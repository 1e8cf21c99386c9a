import { newId } from "@/lib/db/new-id";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { CreateEvidenceInput } from "@/lib/schemas/evidence";
import { canCreateEvidence } from "@/lib/policies/evidence";
import { auditEventCreate, type AuditInput } from "@/lib/server/audit/record-audit-event";
import { checkSourceIds, evidenceColumns } from "./evidence-data";
import { evidenceSelect, toEvidenceDto } from "./evidence-dto";

/**
 * The row and audit event of a new library item of the caller's team, checked
 * (403, 400 on `sourceIds`) but not yet written: link-evidence writes them
 * inside its own interactive transaction.
 */
export async function newEvidenceItem(user: Viewer, input: CreateEvidenceInput) {
  if (!canCreateEvidence(user)) throw new AppError("FORBIDDEN");
  const sources = await checkSourceIds(user.visibility, input.sourceIds);
  const id = newId();
  const columns = evidenceColumns(input);
  const audit: AuditInput = {
    teamId: user.teamId,
    actorId: user.id,
    action: "evidence.create",
    objectType: "evidence",
    objectId: id,
    after: columns,
  };
  return {
    id,
    data: { id, teamId: user.teamId, createdById: user.id, ...columns, ...(sources ? { sources: { connect: sources } } : {}) },
    audit,
  };
}

/**
 * The create operation (for a batched transaction) of a new library item of
 * the caller's team, and its audit event. Shared with the W3C import.
 */
export async function evidenceCreateOps(user: Viewer, input: CreateEvidenceInput) {
  const item = await newEvidenceItem(user, input);
  return {
    id: item.id,
    create: db.evidenceItem.create({ data: item.data, select: evidenceSelect(user.visibility) }),
    audit: auditEventCreate(item.audit),
  };
}

/** POST /api/evidence: adds an item to the team's library. */
export async function createEvidence(user: Viewer, input: CreateEvidenceInput) {
  const ops = await evidenceCreateOps(user, input);
  const [row] = await db.$transaction([ops.create, ops.audit]);
  return toEvidenceDto(row, user);
}
