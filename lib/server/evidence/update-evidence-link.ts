import type { Viewer } from "@/lib/server/visibility/viewer";
import type { UpdateEvidenceLinkInput } from "@/lib/schemas/evidence";
import { changeEvidenceLink } from "./change-evidence-link";

/** PATCH /api/evidence-links/{id}: a new stance and/or pinpoint. */
export function updateEvidenceLink(user: Viewer, linkId: string, input: UpdateEvidenceLinkInput) {
  return changeEvidenceLink(user, linkId, input.version, {
    action: "evidence.link.update",
    data: {
      ...(input.stance !== undefined ? { stance: input.stance } : {}),
      ...(input.pinpoint !== undefined ? { pinpoint: input.pinpoint } : {}),
    },
  });
}
