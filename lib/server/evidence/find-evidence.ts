import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { evidenceSelect } from "./evidence-dto";

/**
 * An item of the caller's team (tombstones included: claims still link to
 * them), or NOT_FOUND. Another team's item is indistinguishable from a missing one.
 */
export async function findEvidence(teamId: string, evidenceId: string) {
  if (!teamId || !evidenceId) throw notFound("Evidence not found.");
  const row = await db.evidenceItem.findFirst({ where: { id: evidenceId, teamId }, select: evidenceSelect(teamId) });
  if (!row) throw notFound("Evidence not found.");
  return row;
}
