import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { SuggestionDecisionInput } from "@/lib/schemas/assist";
import type { FeatureValues } from "@/lib/assist/checkworthy-features";
import { learn, parseWeights } from "@/lib/assist/checkworthy-model";
import { canDecideSuggestion } from "@/lib/policies/assist";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireVersionInTeam } from "@/lib/server/articles/version-text";
import { ensureArticleIndexed, isPostgres, sha256, versionWritten } from "./sentence-index";

/**
 * POST /api/articles/{id}/suggestions/decisions: a member accepted a
 * suggestion (and made a claim of it) or dismissed it. The team's model takes
 * one learning step from it; a dismissal is also remembered, so the sentence
 * is not suggested again in this article. Dismissing twice changes nothing.
 */
export async function decideSuggestion(user: CurrentUser, articleId: string, input: SuggestionDecisionInput) {
  if (!canDecideSuggestion(user)) throw new AppError("FORBIDDEN");
  const version = await requireVersionInTeam(user.teamId, articleId, input.versionId);
  // The suggestion may come from a first answer whose index rows are still being written: by this process
  // (wait for its write), or by another app instance, or by none yet (index the current version here).
  await versionWritten(version.id);
  const find = () =>
    db.assistSentence.findFirst({
      where: { teamId: user.teamId, versionId: version.id, start: input.start, end: input.end },
      select: { text: true, features: true },
    });
  let sentence = await find();
  if (!sentence && (await ensureArticleIndexed(user.teamId, articleId)) === version.id) sentence = await find();
  if (!sentence) throw new AppError("INVALID_INPUT", "No suggested sentence has these offsets.", { field: "start" });
  const x = (sentence.features as unknown as FeatureValues).values;
  const textHash = sha256(sentence.text);
  return db.$transaction(async (tx) => {
    if (input.decision === "dismiss") {
      const seen = await tx.suggestionDismissal.findUnique({
        where: { articleId_textHash: { articleId, textHash } },
        select: { id: true },
      });
      if (seen) return { decision: input.decision, learnt: false };
      await tx.suggestionDismissal.create({
        data: { teamId: user.teamId, articleId, textHash, text: sentence.text, createdById: user.id },
      });
    }
    await tx.assistModel.upsert({ where: { teamId: user.teamId }, create: { teamId: user.teamId }, update: {} });
    // Read-modify-write of the weights: on PostgreSQL the row lock serializes concurrent decisions (SQLite's transaction already does).
    if (isPostgres()) await tx.$executeRaw`SELECT 1 FROM "AssistModel" WHERE "teamId" = ${user.teamId} FOR UPDATE`;
    const model = await tx.assistModel.findUniqueOrThrow({ where: { teamId: user.teamId }, select: { weights: true, updates: true } });
    const before = parseWeights(model.weights);
    const after = learn(before, x, input.decision === "accept" ? 1 : 0);
    await tx.assistModel.update({
      where: { teamId: user.teamId },
      data: { weights: after, updates: { increment: 1 }, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: `suggestion.${input.decision}`,
      objectType: "article",
      objectId: articleId,
      before: { weights: before },
      after: { weights: after, sentence: sentence.text, start: input.start, end: input.end },
    });
    return { decision: input.decision, learnt: true };
  });
}
