import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/api/handler";
import { startRoundSchema } from "@/lib/schemas/review";
import { listRounds } from "@/lib/server/reviews/list-rounds";
import { startRound } from "@/lib/server/reviews/start-round";

/** GET /api/reviews: the team's review rounds. */
export const GET = withUser(({ user }) => listRounds(user));

/** POST /api/reviews: an editor starts a review round. */
export const POST = withUser(
  async ({ req, user }) => NextResponse.json(await startRound(user, await readJson(req, startRoundSchema)), { status: 201 }),
  { roles: ["admin", "editor"] },
);
