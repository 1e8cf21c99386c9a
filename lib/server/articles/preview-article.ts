import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { codePointLength } from "@/lib/anchoring/offsets";
import { canCreateArticle } from "@/lib/policies/article";
import { importSource } from "@/lib/import/import-source";
import type { ImportPreviewDto, PreviewArticleInput } from "@/lib/schemas/article";

/**
 * POST /api/articles/preview: what the import would make of a pasted text or
 * a file (the canonical text with the blocks the user restored so far, and
 * every block the furniture cleanup removed), without saving anything. The save repeats the same import, so they agree.
 */
export function previewArticle(user: CurrentUser, input: PreviewArticleInput): ImportPreviewDto {
  if (!canCreateArticle(user)) throw new AppError("FORBIDDEN");
  const { text, removed, format } = importSource(input, input.restore);
  return { text, removed, format, length: codePointLength(text) };
}
