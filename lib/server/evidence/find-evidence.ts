import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Visibility } from "@/lib/policies/visibility";
import { visibleEvidenceItemWhere } from "@/lib/server/visibility/visible-where";
import { evidenceSelect } from "./evidence-dto";

/**
 * An item of the viewer's team that they may see (tombstones included:
 * claims still link to them), or NOT_FOUND. Another team's item, and one
 * that blind review hides, are indistinguishable from a missing one.
 */
export async function findEvidence(v: Visibility, evidenceId: string) {
  if (!evidenceId) throw notFound("Evidence not found.");
  const row = await db.evidenceItem.findFirst({
    where: { AND: [visibleEvidenceItemWhere(v), { id: evidenceId }] },
    select: evidenceSelect(v),
  });
  if (!row) throw notFound("Evidence not found.");
  return row;
}
