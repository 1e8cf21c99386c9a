import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canCreateArticle } from "@/lib/policies/article";
import { metaProvenance } from "@/lib/import/found-metadata";
import type { CreateArticleInput } from "@/lib/schemas/article";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { versionFields } from "./version-fields";
import { getArticle } from "./get-article";
import { readImport } from "./read-import";

/**
 * POST /api/articles: imports the source (the same import as the preview),
 * applies the user's choices (removed blocks put back, kept lines dropped),
 * and saves the article with its first version and the metadata as the
 * editor left it. The blocks still removed are kept on the version
 * (`removedFurniture`), so anyone can see what the import left out; where
 * each metadata field came from is kept on the article (`metaSources`); a
 * page fetched by URL becomes the article's snapshot.
 */
export async function createArticle(user: CurrentUser, input: CreateArticleInput) {
  if (!canCreateArticle(user)) throw new AppError("FORBIDDEN");
  const { imported, snapshot, found } = await readImport(user, input, { restore: input.restore, drop: input.drop });
  if (imported.text === "") {
    throw new AppError(
      "INVALID_INPUT",
      "Nothing is left to save: every line was removed or dropped. Put back the lines that belong to the article.",
      { field: "restore" },
    );
  }
  const stillRemoved = imported.removed.filter((_, i) => !input.restore.includes(i));
  const meta = {
    // The import takes the page's headline out of the text (it is the title): with no title given, the page's is saved,
    // so the headline is never lost. The editor can change or clear it afterwards.
    title: input.title ?? found.title?.value ?? null,
    outlet: input.outlet,
    author: input.author,
    publishedDate: input.publishedDate,
    modifiedDate: input.modifiedDate,
    url: input.url,
  };
  const metaSources = metaProvenance(meta, found);
  // Unique per import: the same file may be imported twice on purpose (two outlets' copies).
  const origin = snapshot ? "url" : input.file ? `upload:${input.file.name}` : "paste";
  const sourceRef = `${origin}#${randomUUID().slice(0, 8)}`;

  const article = await db.$transaction(async (tx) => {
    const created = await tx.article.create({
      data: {
        teamId: user.teamId,
        ...meta,
        metaSources,
        sourceRef,
        versions: {
          create: {
            number: 1,
            ...versionFields(imported.text),
            // Left out when every line is a paragraph: the column stays NULL (each client has its own DbNull).
            ...(imported.lineKinds ? { lineKinds: imported.lineKinds } : {}),
            createdById: user.id,
            removedFurniture: stillRemoved,
          },
        },
      },
      select: { id: true },
    });
    if (snapshot) {
      // Claimed in the same transaction: a second save of the same snapshot finds it taken.
      const claimed = await tx.articleSnapshot.updateMany({
        where: { id: snapshot.id, teamId: user.teamId, articleId: null },
        data: { articleId: created.id },
      });
      if (claimed.count !== 1)
        throw new AppError("CONFLICT", "This page has been imported already. Fetch it again to import it once more.", {
          field: "snapshotId",
        });
    }
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "article.create",
      objectType: "article",
      objectId: created.id,
      after: {
        ...meta,
        metaSources,
        sourceRef,
        format: imported.format,
        encoding: imported.encoding,
        restored: input.restore,
        dropped: imported.dropped,
        removed: stillRemoved.length,
        ...(snapshot ? { snapshotId: snapshot.id, finalUrl: snapshot.finalUrl } : {}),
      },
    });
    return created;
  });
  return getArticle(user, article.id);
}
