import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canEditArticleMeta } from "@/lib/policies/article";
import { ARTICLE_META_FIELDS, type ArticleMetaField, type UpdateArticleMetaInput } from "@/lib/schemas/article";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { publishEvent } from "@/lib/events/event-bus";
import { findArticle } from "./find-article";
import { getArticle } from "./get-article";

/**
 * PATCH /api/articles/{id}: change metadata after the import (editors and
 * admins). A compare-and-set on the article's `version` (409 with the
 * current article when stale); each changed field's source becomes
 * "editor"; the audit event holds the fields before and after, so every
 * edit stays on record.
 */
export async function updateArticleMeta(user: CurrentUser, articleId: string, input: UpdateArticleMetaInput) {
  if (!canEditArticleMeta(user)) throw new AppError("FORBIDDEN", "Only editors and admins can change an article's details.");
  const { article } = await findArticle(user.teamId, articleId);
  const changed = ARTICLE_META_FIELDS.filter((f) => input[f] !== undefined && input[f] !== article[f]);
  if (input.version !== article.version)
    throw new AppError("CONFLICT", "Someone changed this article in the meantime.", { current: await getArticle(user, articleId) });
  if (changed.length === 0) return getArticle(user, articleId);
  const data = Object.fromEntries(changed.map((f) => [f, input[f] ?? null])) as Partial<Record<ArticleMetaField, string | null>>;
  const before = Object.fromEntries(changed.map((f) => [f, article[f]]));
  const sources = { ...((article.metaSources ?? {}) as Record<string, string>) };
  for (const f of changed) {
    if (data[f]) sources[f] = "editor";
    else delete sources[f];
  }
  await db
    .$transaction(async (tx) => {
      const updated = await tx.article.updateMany({
        where: { id: article.id, teamId: user.teamId, version: input.version, deletedAt: null },
        data: { ...data, metaSources: sources, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", "Someone changed this article in the meantime.");
      await recordAuditEvent(tx, {
        teamId: user.teamId,
        actorId: user.id,
        action: "article.update",
        objectType: "article",
        objectId: article.id,
        before,
        after: data,
      });
    })
    .catch(async (e: unknown) => {
      if (e instanceof AppError && e.code === "CONFLICT")
        throw new AppError("CONFLICT", e.message, { current: await getArticle(user, articleId) });
      throw e;
    });
  publishEvent({ team: user.teamId, article: article.id, kind: "article", id: article.id, version: input.version + 1 });
  return getArticle(user, articleId);
}
