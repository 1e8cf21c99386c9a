import type { Viewer } from "@/lib/server/visibility/viewer";
import type { RoundSummaryDto } from "@/lib/schemas/review";
import { loadRoundSummaries } from "./round-summaries";

/** GET /api/reviews: the team's review rounds, newest first (at most 200). */
export function listRounds(user: Viewer): Promise<RoundSummaryDto[]> {
  return loadRoundSummaries(user, {}, 200);
}
