import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canDeleteArticle, canRestoreArticle } from "@/lib/policies/article";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { publishEvent } from "@/lib/events/event-bus";

/**
 * DELETE /api/articles/{id}?version=N (editors and admins) and
 * POST /api/articles/{id}/restore (admins): an article is deleted as a
 * tombstone (`deletedAt`), never erased. Its versions, claims, rounds,
 * reports and snapshot stay in the database, and every list, report and
 * export leaves them out while the article is deleted (the article's own
 * routes answer 404; rounds, queue, agreement, evidence uses and comment
 * threads filter on the article). Both write an audit event; the version is
 * a compare-and-set (409 with the current state when stale).
 */
export async function setArticleDeleted(user: CurrentUser, articleId: string, version: number, deleted: boolean) {
  if (deleted ? !canDeleteArticle(user) : !canRestoreArticle(user)) {
    throw new AppError(
      "FORBIDDEN",
      deleted ? "Only editors and admins can delete an article." : "Only admins can restore a deleted article.",
    );
  }
  const row = await db.article.findFirst({
    where: { id: articleId, teamId: user.teamId },
    select: { id: true, version: true, deletedAt: true, title: true },
  });
  // A live article cannot be restored, nor a deleted one deleted: to the caller both are simply not there.
  if (!row || (row.deletedAt !== null) === deleted) throw notFound("Article not found.");
  const current = () => ({ id: row.id, version: row.version, deletedAt: row.deletedAt?.toISOString() ?? null });
  if (row.version !== version) throw new AppError("CONFLICT", "Someone changed this article in the meantime.", { current: current() });
  const now = new Date();
  await db.$transaction(async (tx) => {
    const updated = await tx.article.updateMany({
      where: { id: row.id, teamId: user.teamId, version, deletedAt: deleted ? null : { not: null } },
      data: { deletedAt: deleted ? now : null, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Someone changed this article in the meantime.", { current: current() });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: deleted ? "article.delete" : "article.restore",
      objectType: "article",
      objectId: row.id,
      before: { deletedAt: row.deletedAt?.toISOString() ?? null },
      after: { deletedAt: deleted ? now.toISOString() : null },
    });
  });
  publishEvent({
    team: user.teamId,
    article: row.id,
    kind: "article",
    id: row.id,
    version: version + 1,
    ...(deleted ? { removed: true } : {}),
  });
  return { id: row.id, version: version + 1, deletedAt: deleted ? now.toISOString() : null };
}
