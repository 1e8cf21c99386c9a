/**
 * react-query keys of the evidence library and of each claim's evidence, in a
 * module of their own (not a "use client" one) so that the server can fill
 * them for a page's first response (lib/server/pages/).
 */
import type { EvidenceKind } from "@/lib/schemas/evidence";

export const evidenceKeys = {
  all: () => ["evidence"] as const,
  lists: () => ["evidence", "list"] as const,
  list: (q: string, kind: EvidenceKind | "") => ["evidence", "list", { q, kind }] as const,
  item: (id: string) => ["evidence", "item", id] as const,
  claim: (claimId: string) => ["claim-evidence", claimId] as const,
};
