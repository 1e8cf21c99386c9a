import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { importSource, type FetchedPage, type ImportChoices, type ImportedText } from "@/lib/import/import-source";
import { foundMetadata } from "@/lib/import/found-metadata";
import type { FoundMetadataDto, ImportSource } from "@/lib/schemas/article";
import { charsetOf, isPlainText } from "@/lib/fetch/content-type";
import { SNAPSHOT_META } from "./get-article";

/** The snapshot columns an import reads (the body included). */
const SNAPSHOT_FIELDS = { ...SNAPSHOT_META, articleId: true, body: true } as const;

/**
 * The import of a source (pasted text, an uploaded file, or a page fetched
 * earlier by URL: its snapshot, of the caller's team, not yet saved as an
 * article), with the user's choices, and the metadata the page states as
 * form fields. The preview and the save both read their source here.
 */
export async function readImport(user: CurrentUser, input: ImportSource & { snapshotId?: string }, choices: ImportChoices) {
  if (input.snapshotId === undefined) {
    const imported = await importSource(input, choices);
    return { imported, snapshot: null, found: foundMetadata(imported.metadata) };
  }
  const snapshot = await db.articleSnapshot.findFirst({ where: { id: input.snapshotId, teamId: user.teamId }, select: SNAPSHOT_FIELDS });
  if (!snapshot) throw new AppError("NOT_FOUND", "The fetched page is no longer here. Fetch it again.");
  if (snapshot.articleId)
    throw new AppError("CONFLICT", "This page has been imported already. Fetch it again to import it once more.", { field: "snapshotId" });
  const page: FetchedPage = {
    bytes: snapshot.body,
    charset: charsetOf(snapshot.contentType),
    url: snapshot.finalUrl,
    format: isPlainText(snapshot.contentType) ? "text" : "html",
  };
  const imported: ImportedText = await importSource(page, choices);
  const found: FoundMetadataDto = foundMetadata(imported.metadata, snapshot.finalUrl);
  return { imported, snapshot, found };
}
