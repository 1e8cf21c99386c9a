import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/api/handler";
import { decideClusterSchema } from "@/lib/schemas/review";
import { decideCluster } from "@/lib/server/reviews/decide-cluster";

/** POST /api/clusters/{id}/decisions: accept (boundary + verdict) or reject; 409 with `current` when stale. */
export const POST = withUser<{ clusterId: string }>(async ({ req, params, viewer }) =>
  NextResponse.json(await decideCluster(await viewer(), params.clusterId, await readJson(req, decideClusterSchema)), { status: 201 }),
);
