import type { CurrentUser } from "@/lib/auth/current-user";
import type { EvidenceDetailDto } from "@/lib/schemas/evidence";
import { findEvidence } from "./find-evidence";
import { toEvidenceDto } from "./evidence-dto";
import { findEvidenceUsage } from "./evidence-usage";

/** GET /api/evidence/{id}: the item (or its tombstone) and every claim that cites it. */
export async function getEvidence(user: CurrentUser, evidenceId: string): Promise<EvidenceDetailDto> {
  const [row, usedIn] = await Promise.all([findEvidence(user.teamId, evidenceId), findEvidenceUsage(user.teamId, evidenceId)]);
  return { ...toEvidenceDto(row, user), usedIn };
}
