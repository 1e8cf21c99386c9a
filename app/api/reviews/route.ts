import { readJson, withUser } from "@/lib/api/handler";
import { startRoundSchema } from "@/lib/schemas/review";
import { listRounds } from "@/lib/server/reviews/list-rounds";
import { startRound } from "@/lib/server/reviews/start-round";
import { jsonResponse } from "@/lib/api/json-response";

/** GET /api/reviews: the team's review rounds. */
export const GET = withUser(async ({ viewer }) => listRounds(await viewer()));

/** POST /api/reviews: an editor starts a review round. */
export const POST = withUser(async ({ req, viewer }) =>
  jsonResponse(await startRound(await viewer(), await readJson(req, startRoundSchema)), { status: 201 }),
);
