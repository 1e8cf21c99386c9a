import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canAdjudicateRole, canStartRound } from "@/lib/policies/round";
import type { RoundSummaryDto, StartRoundInput } from "@/lib/schemas/review";
import { findArticle } from "@/lib/server/articles/find-article";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { publishEvent } from "@/lib/events/event-bus";
import { loadRoundSummaries, loadRoundSummary } from "./round-summaries";

/**
 * POST /api/reviews: an editor starts a blind review of an article's current
 * version, with one or more reviewers and an adjudicator. One round at a time
 * per article: a second start while one is open or revealed gets 409.
 */
export async function startRound(user: CurrentUser, input: StartRoundInput): Promise<RoundSummaryDto> {
  if (!canStartRound(user)) throw new AppError("FORBIDDEN", "Only editors and admins start review rounds.");
  const { article, current } = await findArticle(user.teamId, input.articleId);
  const reviewerIds = [...new Set(input.reviewerIds)];
  const members = await db.membership.findMany({
    where: { teamId: user.teamId, userId: { in: [...reviewerIds, input.adjudicatorId] } },
    select: { userId: true, role: true },
  });
  if (reviewerIds.some((id) => !members.some((m) => m.userId === id))) {
    throw new AppError("INVALID_INPUT", "Every reviewer must be a member of this team.", { field: "reviewerIds" });
  }
  const adjudicator = members.find((m) => m.userId === input.adjudicatorId);
  if (!adjudicator || !canAdjudicateRole(adjudicator.role)) {
    throw new AppError("INVALID_INPUT", "The adjudicator must be an editor or admin of this team.", { field: "adjudicatorId" });
  }
  const running = await loadRoundSummaries(user, { articleId: article.id, status: { in: ["open", "revealed"] } }, 1);
  if (running[0]) throw new AppError("CONFLICT", "A review of this article is already in progress.", { current: running[0] });

  const id = randomUUID();
  const title = article.title ?? "an article";
  await db.$transaction(async (tx) => {
    const round = await tx.reviewRound.create({
      data: {
        id, teamId: user.teamId, articleId: article.id, versionId: current.id, createdById: user.id,
        adjudicatorId: input.adjudicatorId, dueDate: input.dueDate ?? null,
        assignments: { create: reviewerIds.map((reviewerId) => ({ reviewerId })) },
      },
      include: { assignments: { select: { reviewerId: true } } },
    });
    await tx.notification.createMany({
      data: reviewerIds.map((userId) => ({
        teamId: user.teamId, userId, kind: "assignment", objectType: "round", objectId: id,
        text: `${user.name ?? user.email} asked you to review “${title}”${input.dueDate ? ` by ${input.dueDate}` : ""}.`,
        url: `/articles/${article.id}`,
      })),
    });
    await recordAuditEvent(tx, { teamId: user.teamId, actorId: user.id, action: "round.start", objectType: "round", objectId: id, after: round });
  });
  publishEvent({ team: user.teamId, article: article.id, kind: "round", id, version: 1 });
  return (await loadRoundSummary(user, id))!;
}
