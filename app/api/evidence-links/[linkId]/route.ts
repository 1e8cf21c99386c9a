import { readJson, readQuery, withUser } from "@/lib/api/handler";
import { evidenceVersionSchema, updateEvidenceLinkSchema } from "@/lib/schemas/evidence";
import { updateEvidenceLink } from "@/lib/server/evidence/update-evidence-link";
import { unlinkEvidence } from "@/lib/server/evidence/unlink-evidence";

type Params = { linkId: string };

/** PATCH /api/evidence-links/{id}: stance and/or pinpoint. */
export const PATCH = withUser<Params>(async ({ req, params, viewer }) =>
  updateEvidenceLink(await viewer(), params.linkId, await readJson(req, updateEvidenceLinkSchema)),
);

/** DELETE /api/evidence-links/{id}?version=N: detach. */
export const DELETE = withUser<Params>(async ({ req, params, viewer }) =>
  unlinkEvidence(await viewer(), params.linkId, readQuery(req, evidenceVersionSchema).version),
);
