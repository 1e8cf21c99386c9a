import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { RoundSummaryDto } from "@/lib/schemas/review";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { publishEvent } from "@/lib/events/event-bus";
import { findRound } from "./find-round";
import { loadRoundSummary } from "./round-summaries";

/** POST /api/reviews/{id}/reopen: a reviewer unlocks their submitted set, allowed until the round is revealed. */
export async function reopenReview(user: Viewer, roundId: string): Promise<RoundSummaryDto> {
  const round = await findRound(user.teamId, roundId);
  const mine = round.assignments.find((a) => a.reviewerId === user.id);
  if (!mine) throw new AppError("FORBIDDEN", "You are not a reviewer of this round.");
  const conflict = async (message: string) => new AppError("CONFLICT", message, { current: await loadRoundSummary(user, roundId) });
  if (round.status !== "open") throw await conflict("This round has been revealed; a submitted review can no longer be reopened.");
  if (!mine.submittedAt) throw await conflict("Your review is not submitted, so there is nothing to reopen.");

  const done = await db.$transaction(async (tx) => {
    // Taking the round row first serializes this with a concurrent reveal.
    const lock = await tx.reviewRound.updateMany({
      where: { id: roundId, teamId: user.teamId, status: "open" },
      data: { version: { increment: 1 } },
    });
    const unmarked =
      lock.count &&
      (await tx.roundAssignment.updateMany({ where: { id: mine.id, submittedAt: { not: null } }, data: { submittedAt: null } })).count;
    if (!unmarked) return false;
    const { count } = await tx.annotation.updateMany({
      where: { teamId: user.teamId, roundId, authorId: user.id, deletedAt: null, status: "submitted" },
      data: { status: "draft", version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "round.reopen",
      objectType: "round",
      objectId: roundId,
      before: { submittedAt: mine.submittedAt },
      after: { reviewerId: user.id, annotations: count },
    });
    return true;
  });
  if (!done) throw await conflict("This round changed in the meantime; here is its current state.");
  const current = (await loadRoundSummary(user, roundId))!;
  publishEvent({ team: user.teamId, article: round.articleId, kind: "round", id: roundId, version: current.version });
  return current;
}
