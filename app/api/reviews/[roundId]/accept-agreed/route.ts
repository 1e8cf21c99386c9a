import { readJson, withUser } from "@/lib/api/handler";
import { acceptAgreedSchema } from "@/lib/schemas/review";
import { acceptAgreedClusters } from "@/lib/server/reviews/accept-agreed-clusters";

/** POST /api/reviews/{id}/accept-agreed { clusters: [{ id, version }] }: bulk-accept agreed clusters. */
export const POST = withUser<{ roundId: string }>(async ({ req, params, viewer }) =>
  acceptAgreedClusters(await viewer(), params.roundId, (await readJson(req, acceptAgreedSchema)).clusters),
);
