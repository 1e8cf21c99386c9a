import { z } from "zod";

/** The size cap of a pasted text, an uploaded file or a corrected text, in bytes of UTF-8: 1 MiB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** The JSON body cap of an import: a 1 MiB file as base64 (4/3 larger) plus room for the metadata. */
export const MAX_IMPORT_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A calendar date that exists: 2023-02-29 does not. */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** An absolute http(s) address. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** An optional text field: trimmed, and "" means "not given" (null). */
const optional = (max: number, label: string) =>
  z.string().trim().max(max, `${label} is longer than ${max} characters.`).nullish().transform((v) => v || null);

/** Article metadata as typed in the form. Every field is optional: only what the article states is filled in. */
export const articleMetaSchema = z.object({
  title: optional(300, "The title"),
  outlet: optional(200, "The outlet"),
  author: optional(200, "The author"),
  publishedDate: optional(10, "The date").refine((v) => v === null || isRealDate(v), "Give a real date as YYYY-MM-DD."),
  url: optional(2000, "The address").refine((v) => v === null || isHttpUrl(v), "Give a web address starting with http:// or https://."),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

/**
 * Where the text comes from: pasted `text`, or a `file` (.txt, .md, .html)
 * sent as base64 inside the JSON body. Exactly one of the two.
 */
const sourceFields = {
  text: z.string().optional(),
  file: z
    .object({ name: z.string().trim().min(1, "The file has no name.").max(255), base64: z.string().regex(BASE64, "The file content is not valid base64.") })
    .optional(),
};
const oneSource = (v: { text?: string; file?: unknown }) => (v.text !== undefined) !== (v.file !== undefined);
const ONE_SOURCE = { message: "Paste the text or choose a file (one of the two).", path: ["text"] };

/** The removed furniture blocks to put back: indexes into the preview's `removed`. */
const restore = z.array(z.number().int().min(0)).max(1000).default([]);

/** A text source alone (what lib/import reads). */
export type ImportSource = { text?: string; file?: { name: string; base64: string } };

/** POST /api/articles/preview: the cleaned text (with any restored blocks) and what the cleanup removed, nothing saved. */
export const previewArticleSchema = z.object({ ...sourceFields, restore }).refine(oneSource, ONE_SOURCE);
export type PreviewArticleInput = z.infer<typeof previewArticleSchema>;

/** POST /api/articles: the same source, the removed blocks to put back (indexes into the preview's `removed`), and the metadata. */
export const createArticleSchema = z
  .object({ ...sourceFields, ...articleMetaSchema.shape, restore })
  .refine(oneSource, ONE_SOURCE);
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

/** POST /api/articles/{id}/versions: the corrected text, and the article `version` the editor started from. */
export const correctArticleSchema = z.object({ version: z.number().int().min(1), text: z.string() });
export type CorrectArticleInput = z.infer<typeof correctArticleSchema>;

/** GET /api/articles/{id}/versions/compare?from=1&to=2 (version numbers). */
export const compareVersionsSchema = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

/** A removed furniture block as the preview returns it (lib/anchoring/strip-furniture.ts). */
export type RemovedBlockDto = { kind: string; lines: string[]; index: number };

/** The preview of an import. */
export type ImportPreviewDto = { text: string; removed: RemovedBlockDto[]; format: "text" | "markdown" | "html"; length: number };

/** One version in the list of an article's versions. */
export type ArticleVersionDto = {
  id: string;
  number: number;
  length: number;
  textHash: string;
  createdAt: string;
  createdBy: { id: string; name: string | null } | null;
  current: boolean;
};

/** A word-level comparison of two versions, in text order. */
export type VersionCompareDto = {
  from: ArticleVersionDto;
  to: ArticleVersionDto;
  parts: { kind: "same" | "removed" | "added"; text: string }[];
};

/** How many claims ended in each anchor state after a correction. */
export type ReanchorSummary = { anchored: number; moved: number; drifted: number; orphaned: number };
