import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { RoundSummaryDto } from "@/lib/schemas/review";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { publishEvent } from "@/lib/events/event-bus";
import { findRound, withArticleLead } from "./find-round";
import { loadRoundSummary } from "./round-summaries";
import { revealInTransaction } from "./reveal-in-transaction";
import { announceNotifications } from "@/lib/server/notifications/insert-notifications";
import { notifyRevealed, notifySubmitted } from "@/lib/server/notifications/notify-round";
import { kickMailDelivery } from "@/lib/server/notifications/mail-scheduler";

/**
 * POST /api/reviews/{id}/submit: a reviewer locks their set of annotations.
 * When the last reviewer submits, the round is revealed in the same
 * transaction. Every step is a compare-and-set on the round row, so a submit
 * racing a reveal or a reopen cannot leave a half-changed round.
 */
export async function submitReview(user: Viewer, roundId: string): Promise<RoundSummaryDto> {
  const round = await findRound(user.teamId, roundId);
  const mine = round.assignments.find((a) => a.reviewerId === user.id);
  if (!mine) throw new AppError("FORBIDDEN", "You are not a reviewer of this round.");
  const conflict = async (message: string) => new AppError("CONFLICT", message, { current: await loadRoundSummary(user, roundId) });
  if (round.status !== "open") throw await conflict("This round has been revealed; reviews can no longer change.");
  if (mine.submittedAt) throw await conflict("You have already submitted your review.");

  // An untitled article goes by its first words in the notices, as in its lists.
  const named = await withArticleLead(user.teamId, round);
  const outcome = await db.$transaction(async (tx) => {
    const lock = await tx.reviewRound.updateMany({
      where: { id: roundId, teamId: user.teamId, status: "open" },
      data: { version: { increment: 1 } },
    });
    const marked =
      lock.count &&
      (await tx.roundAssignment.updateMany({ where: { id: mine.id, submittedAt: null }, data: { submittedAt: new Date() } })).count;
    if (!marked) return null;
    const { count } = await tx.annotation.updateMany({
      where: { teamId: user.teamId, roundId, authorId: user.id, deletedAt: null, status: "draft" },
      data: { status: "submitted", version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "round.submit",
      objectType: "round",
      objectId: roundId,
      before: { submittedAt: null },
      after: { reviewerId: user.id, annotations: count },
    });
    const waiting = await tx.roundAssignment.count({ where: { roundId, submittedAt: null } });
    const revealed = waiting === 0 ? await revealInTransaction(tx, round, user.id, "all-submitted") : null;
    const notified = revealed ? await notifyRevealed(tx, named, user, false) : await notifySubmitted(tx, named, user);
    return { revealed, notified };
  });
  if (!outcome) throw await conflict("This round changed in the meantime; here is its current state.");
  const current = (await loadRoundSummary(user, roundId))!;
  publishEvent({ team: user.teamId, article: round.articleId, kind: "round", id: roundId, version: current.version });
  announceNotifications(outcome.notified);
  // A reveal may let mentions and decisions that waited for it be e-mailed.
  if (outcome.revealed) kickMailDelivery({ recheckWaiting: true });
  return current;
}
