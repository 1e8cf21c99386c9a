import { readJson, withUser } from "@/lib/api/handler";
import { decideClusterSchema } from "@/lib/schemas/review";
import { decideCluster } from "@/lib/server/reviews/decide-cluster";
import { jsonResponse } from "@/lib/api/json-response";

/** POST /api/clusters/{id}/decisions: accept (boundary + verdict) or reject; 409 with `current` when stale. */
export const POST = withUser<{ clusterId: string }>(async ({ req, params, viewer }) =>
  jsonResponse(await decideCluster(await viewer(), params.clusterId, await readJson(req, decideClusterSchema)), { status: 201 }),
);
