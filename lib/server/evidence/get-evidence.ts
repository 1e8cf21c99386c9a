import type { Viewer } from "@/lib/server/visibility/viewer";
import type { EvidenceDetailDto } from "@/lib/schemas/evidence";
import { findEvidence } from "./find-evidence";
import { toEvidenceDto } from "./evidence-dto";
import { findEvidenceUsage } from "./evidence-usage";

/** GET /api/evidence/{id}: the item (or its tombstone) and every claim citing it that the caller may see. */
export async function getEvidence(user: Viewer, evidenceId: string): Promise<EvidenceDetailDto> {
  const [row, usedIn] = await Promise.all([findEvidence(user.visibility, evidenceId), findEvidenceUsage(user.visibility, evidenceId)]);
  return { ...toEvidenceDto(row, user), usedIn };
}
