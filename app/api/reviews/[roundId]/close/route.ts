import { readJson, withUser } from "@/lib/api/handler";
import { roundVersionSchema } from "@/lib/schemas/review";
import { closeRound } from "@/lib/server/reviews/close-round";

/** POST /api/reviews/{id}/close { version }: an editor closes an adjudicated round. */
export const POST = withUser<{ roundId: string }>(async ({ req, params, viewer }) =>
  closeRound(await viewer(), params.roundId, (await readJson(req, roundVersionSchema)).version),
);
