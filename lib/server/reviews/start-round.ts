import { firstWords } from "@/lib/articles/article-name";
import { newId } from "@/lib/db/new-id";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { canAdjudicateRole, canStartRound } from "@/lib/policies/round";
import type { RoundSummaryDto, StartRoundInput } from "@/lib/schemas/review";
import { findArticle } from "@/lib/server/articles/find-article";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { publishEvent } from "@/lib/events/event-bus";
import { env } from "@/lib/env";
import { databaseKind } from "@/lib/db/database-url";
import { loadRoundSummary } from "./round-summaries";
import { announceNotifications } from "@/lib/server/notifications/insert-notifications";
import { notifyAssigned } from "@/lib/server/notifications/notify-round";

/**
 * POST /api/reviews: an editor starts a blind review of an article's current
 * version, with one or more reviewers and an adjudicator. One round at a time
 * per article: a second start while one is open or revealed gets 409, also
 * when both starts arrive at once.
 */
export async function startRound(user: Viewer, input: StartRoundInput): Promise<RoundSummaryDto> {
  if (!canStartRound(user)) throw new AppError("FORBIDDEN", "Only editors and admins start review rounds.");
  const { article, current } = await findArticle(user.teamId, input.articleId);
  const reviewerIds = [...new Set(input.reviewerIds)];
  const members = await db.membership.findMany({
    // A deactivated member keeps their work but cannot be assigned.
    where: { teamId: user.teamId, userId: { in: [...reviewerIds, input.adjudicatorId] }, deactivatedAt: null },
    select: { userId: true, role: true },
  });
  if (reviewerIds.some((id) => !members.some((m) => m.userId === id))) {
    throw new AppError("INVALID_INPUT", "Every reviewer must be an active member of this team.", { field: "reviewerIds" });
  }
  const adjudicator = members.find((m) => m.userId === input.adjudicatorId);
  if (!adjudicator || !canAdjudicateRole(adjudicator.role)) {
    throw new AppError("INVALID_INPUT", "The adjudicator must be an editor or admin of this team.", { field: "adjudicatorId" });
  }
  const id = newId();
  const started = await db.$transaction(async (tx) => {
    // Check and insert in one transaction, so two concurrent starts cannot both
    // see "no round" (see lockArticleRounds).
    await lockArticleRounds(tx, user.teamId, article.id);
    const running = await tx.reviewRound.findFirst({
      where: { teamId: user.teamId, articleId: article.id, status: { in: ["open", "revealed"] } },
      select: { id: true },
      orderBy: { createdAt: "desc" },
    });
    if (running) return { runningId: running.id };
    // A correction committed since findArticle made a newer version: review that one.
    const newest = await tx.articleVersion.findFirst({
      where: { articleId: article.id, article: { teamId: user.teamId } },
      orderBy: { number: "desc" },
      select: { id: true },
    });
    const round = await tx.reviewRound.create({
      data: {
        id,
        teamId: user.teamId,
        articleId: article.id,
        versionId: newest?.id ?? current.id,
        createdById: user.id,
        adjudicatorId: input.adjudicatorId,
        dueDate: input.dueDate ?? null,
        assignments: { create: reviewerIds.map((reviewerId) => ({ reviewerId })) },
      },
      include: { assignments: { select: { reviewerId: true } } },
    });
    const notified = await notifyAssigned(tx, { ...round, article: { ...article, lead: firstWords(current.text) } }, user);
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "round.start",
      objectType: "round",
      objectId: id,
      after: round,
    });
    return notified;
  });
  if ("runningId" in started)
    throw new AppError("CONFLICT", "A review of this article is already in progress.", {
      current: await loadRoundSummary(user, started.runningId),
    });
  publishEvent({ team: user.teamId, article: article.id, kind: "round", id, version: 1 });
  announceNotifications(started);
  return (await loadRoundSummary(user, id))!;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Serializes round starts on one article for the rest of the transaction.
 * PostgreSQL (READ COMMITTED) lets two transactions both read "no open round"
 * and both insert, so the article row is locked with SELECT … FOR UPDATE: the
 * second start waits for the first to commit, and its check then sees the new
 * round. SQLite needs nothing: every transaction here begins IMMEDIATE
 * (lib/db/sqlite-adapter.ts), which already admits one writer at a time.
 */
async function lockArticleRounds(tx: Tx, teamId: string, articleId: string) {
  if (databaseKind(env().DATABASE_URL) !== "postgres") return;
  await tx.$queryRaw`SELECT "id" FROM "Article" WHERE "id" = ${articleId} AND "teamId" = ${teamId} FOR UPDATE`;
}
