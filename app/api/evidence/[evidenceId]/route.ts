import { readJson, readQuery, withUser } from "@/lib/api/handler";
import { evidenceVersionSchema, updateEvidenceSchema } from "@/lib/schemas/evidence";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { updateEvidence } from "@/lib/server/evidence/update-evidence";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";

type Params = { evidenceId: string };

/** GET /api/evidence/{id}: the item and where it is used. */
export const GET = withUser<Params>(async ({ params, viewer }) => getEvidence(await viewer(), params.evidenceId));

/** PATCH /api/evidence/{id}: change fields, naming the version read. */
export const PATCH = withUser<Params>(async ({ req, params, viewer }) =>
  updateEvidence(await viewer(), params.evidenceId, await readJson(req, updateEvidenceSchema)),
);

/** DELETE /api/evidence/{id}?version=N: tombstone; the response lists the claims that still show it. */
export const DELETE = withUser<Params>(async ({ req, params, viewer }) =>
  deleteEvidence(await viewer(), params.evidenceId, readQuery(req, evidenceVersionSchema).version),
);
