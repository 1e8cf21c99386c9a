import { readJson, withUser } from "@/lib/api/handler";
import { roundVersionSchema } from "@/lib/schemas/review";
import { revealRound } from "@/lib/server/reviews/reveal-round";

/** POST /api/reviews/{id}/reveal { version }: an editor ends the blind phase. */
export const POST = withUser<{ roundId: string }>(async ({ req, params, viewer }) =>
  revealRound(await viewer(), params.roundId, (await readJson(req, roundVersionSchema)).version),
);
