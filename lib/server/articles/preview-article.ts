import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { codePointLength } from "@/lib/anchoring/offsets";
import { canCreateArticle } from "@/lib/policies/article";
import type { ImportedText } from "@/lib/import/import-source";
import type { FoundMetadataDto, ImportPreviewDto, PreviewArticleInput, PreviewLineDto } from "@/lib/schemas/article";
import { readImport } from "./read-import";

/** Every line of an import, with what the save does with it. */
export function previewLines(imported: ImportedText, restore: readonly number[]): PreviewLineDto[] {
  const state = new Map<number, PreviewLineDto["state"]>();
  imported.removed.forEach((block, i) =>
    block.lines.forEach((_, k) => state.set(block.index + k, restore.includes(i) ? "restored" : "removed")),
  );
  for (const i of imported.dropped) if (!state.has(i) || state.get(i) === "restored") state.set(i, "dropped");
  return imported.lines.map((text, index) => ({
    index,
    text,
    kind: imported.kinds[index] ?? "paragraph",
    state: state.get(index) ?? "kept",
  }));
}

/** The preview DTO of an import. */
export function previewDto(imported: ImportedText, restore: readonly number[], found: FoundMetadataDto): ImportPreviewDto {
  const { text, removed, format, encoding } = imported;
  return { text, lines: previewLines(imported, restore), removed, format, encoding, length: codePointLength(text), found };
}

/**
 * POST /api/articles/preview: what the import would make of a pasted text, a
 * file or a fetched page (the canonical text with the user's choices
 * applied, every line with its state, every block the furniture cleanup
 * removed, and the metadata the page states), without saving anything. The
 * save repeats the same import, so they agree.
 */
export async function previewArticle(user: CurrentUser, input: PreviewArticleInput): Promise<ImportPreviewDto> {
  if (!canCreateArticle(user)) throw new AppError("FORBIDDEN");
  const { imported, found } = await readImport(user, input, { restore: input.restore, drop: input.drop });
  return previewDto(imported, input.restore, found);
}
