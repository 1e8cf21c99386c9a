import type { CurrentUser } from "@/lib/auth/current-user";
import type { RoundSummaryDto } from "@/lib/schemas/review";
import { loadRoundSummaries } from "./round-summaries";

/** GET /api/reviews: the team's review rounds, newest first (at most 200). */
export function listRounds(user: CurrentUser): Promise<RoundSummaryDto[]> {
  return loadRoundSummaries(user, {}, 200);
}
