import { readJson, readQuery, withUser } from "@/lib/api/handler";
import { createEvidenceSchema, listEvidenceQuery } from "@/lib/schemas/evidence";
import { listEvidence } from "@/lib/server/evidence/list-evidence";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { jsonResponse } from "@/lib/api/json-response";

/** GET /api/evidence?q=&kind=: search the team's library. */
export const GET = withUser(async ({ req, viewer }) => listEvidence(await viewer(), readQuery(req, listEvidenceQuery)));

/** POST /api/evidence: add an item to the library. */
export const POST = withUser(async ({ req, viewer }) => {
  const input = await readJson(req, createEvidenceSchema);
  return jsonResponse(await createEvidence(await viewer(), input), { status: 201 });
});
