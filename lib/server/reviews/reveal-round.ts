import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { canReveal, type RoundStatus } from "@/lib/policies/round";
import type { RoundSummaryDto } from "@/lib/schemas/review";
import { publishEvent } from "@/lib/events/event-bus";
import { findRound, withArticleLead } from "./find-round";
import { loadRoundSummary } from "./round-summaries";
import { revealInTransaction } from "./reveal-in-transaction";
import { requirePermission } from "@/lib/server/require-permission";
import { announceNotifications } from "@/lib/server/notifications/insert-notifications";
import { notifyRevealed } from "@/lib/server/notifications/notify-round";
import { kickMailDelivery } from "@/lib/server/notifications/mail-scheduler";

/** POST /api/reviews/{id}/reveal: an editor ends the blind phase before every reviewer has submitted. */
export async function revealRound(user: Viewer, roundId: string, version: number): Promise<RoundSummaryDto> {
  const round = await findRound(user.teamId, roundId);
  const subject = {
    status: round.status as RoundStatus,
    adjudicatorId: round.adjudicatorId,
    reviewerIds: round.assignments.map((a) => a.reviewerId),
  };
  requirePermission(user, "rounds.run");
  const conflict = async (message: string) => new AppError("CONFLICT", message, { current: await loadRoundSummary(user, roundId) });
  if (!canReveal(user, subject)) throw await conflict("This round has already been revealed.");
  if (round.version !== version)
    throw await conflict("This round changed in the meantime (a reviewer submitted or reopened). Here is its current state.");

  // The version guard: a submit or reopen since the editor looked makes this a 409.
  // An untitled article goes by its first words in the notices, as in its lists.
  const named = await withArticleLead(user.teamId, round);
  const revealed = await db.$transaction(async (tx) => {
    const next = await revealInTransaction(tx, round, user.id, "editor", version);
    return next === null ? null : notifyRevealed(tx, named, user, true);
  });
  if (revealed === null) throw await conflict("This round changed in the meantime. Here is its current state.");
  const current = (await loadRoundSummary(user, roundId))!;
  publishEvent({ team: user.teamId, article: round.articleId, kind: "round", id: roundId, version: current.version });
  announceNotifications(revealed);
  kickMailDelivery({ recheckWaiting: true });
  return current;
}
