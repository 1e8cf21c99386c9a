import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { canClose, type RoundStatus } from "@/lib/policies/round";
import type { RoundSummaryDto } from "@/lib/schemas/review";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { publishEvent } from "@/lib/events/event-bus";
import { findRound } from "./find-round";
import { loadRoundSummary } from "./round-summaries";
import { requirePermission } from "@/lib/server/require-permission";

/** POST /api/reviews/{id}/close: an editor closes an adjudicated round; its decisions become final. */
export async function closeRound(user: Viewer, roundId: string, version: number): Promise<RoundSummaryDto> {
  const round = await findRound(user.teamId, roundId);
  requirePermission(user, "rounds.run");
  const conflict = async (message: string) => new AppError("CONFLICT", message, { current: await loadRoundSummary(user, roundId) });
  const subject = { status: round.status as RoundStatus, adjudicatorId: round.adjudicatorId, reviewerIds: [] };
  if (!canClose(user, subject))
    throw await conflict(round.status === "closed" ? "This round is already closed." : "Decide every cluster before closing the round.");
  if (round.version !== version) throw await conflict("This round changed in the meantime. Here is its current state.");

  const closed = await db.$transaction(async (tx) => {
    const { count } = await tx.reviewRound.updateMany({
      where: { id: roundId, teamId: user.teamId, status: "adjudicated", version },
      data: { status: "closed", closedAt: new Date(), version: { increment: 1 } },
    });
    if (count)
      await recordAuditEvent(tx, {
        teamId: user.teamId,
        actorId: user.id,
        action: "round.close",
        objectType: "round",
        objectId: roundId,
        before: { status: "adjudicated", version },
        after: { status: "closed", version: version + 1 },
      });
    return count > 0;
  });
  if (!closed) throw await conflict("This round changed in the meantime. Here is its current state.");
  publishEvent({ team: user.teamId, article: round.articleId, kind: "round", id: roundId, version: version + 1 });
  return (await loadRoundSummary(user, roundId))!;
}
