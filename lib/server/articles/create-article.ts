import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canCreateArticle } from "@/lib/policies/article";
import { importSource } from "@/lib/import/import-source";
import type { CreateArticleInput } from "@/lib/schemas/article";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { versionFields } from "./version-fields";
import { getArticle } from "./get-article";

/**
 * POST /api/articles: imports the source (the same cleanup as the preview),
 * puts back the furniture blocks the user chose to restore, and saves the
 * article with its first version. The blocks still removed are kept on the
 * version (`removedFurniture`), so anyone can see what the import left out.
 */
export async function createArticle(user: CurrentUser, input: CreateArticleInput) {
  if (!canCreateArticle(user)) throw new AppError("FORBIDDEN");
  const imported = importSource(input, input.restore);
  if (imported.text === "") {
    throw new AppError("INVALID_INPUT", "The cleanup removed everything as page furniture. Restore the blocks that belong to the article.", { field: "restore" });
  }
  const stillRemoved = imported.removed.filter((_, i) => !input.restore.includes(i));
  const meta = { title: input.title, outlet: input.outlet, author: input.author, publishedDate: input.publishedDate, url: input.url };
  // Unique per import: the same file may be imported twice on purpose (two outlets' copies).
  const sourceRef = `${input.file ? `upload:${input.file.name}` : "paste"}#${randomUUID().slice(0, 8)}`;

  const article = await db.$transaction(async (tx) => {
    const created = await tx.article.create({
      data: {
        teamId: user.teamId,
        ...meta,
        sourceRef,
        versions: { create: { number: 1, ...versionFields(imported.text), createdById: user.id, removedFurniture: stillRemoved } },
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "article.create",
      objectType: "article",
      objectId: created.id,
      after: { ...meta, sourceRef, format: imported.format, restored: input.restore, removed: stillRemoved.length },
    });
    return created;
  });
  return getArticle(user, article.id);
}
