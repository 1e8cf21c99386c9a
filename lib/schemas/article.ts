import { z } from "zod";

/** The size cap of a pasted text, an uploaded file or a corrected text, in bytes of UTF-8: 1 MiB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** The JSON body cap of an import: a 1 MiB file as base64 (4/3 larger) plus room for the metadata. */
export const MAX_IMPORT_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The largest value of an Int column on both databases; beyond it PostgreSQL refuses the query (a 500, not a 400). */
const MAX_INT = 2_147_483_647;

/**
 * C0 control characters other than tab, line feed and carriage return. No
 * article holds them; a UTF-16 file without a byte-order mark decodes as
 * "valid" UTF-8 full of NULs ("H\0e\0l\0..."), and a binary file as noise.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** The first control character of `text` (see CONTROL_CHARACTER) as "U+0000 on line 3", or null when there is none. */
export function findControlCharacter(text: string): string | null {
  const m = CONTROL_CHARACTER.exec(text);
  if (!m) return null;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  const line = text.slice(0, m.index).split(/\r\n?|\n/).length;
  return `${code} on line ${line.toLocaleString("en")}`;
}

/** The message for text holding a control character (400, field "text"). */
export const controlCharacterMessage = (where: string) =>
  `The text holds a control character (${where}), which no article text has. Remove it, or paste the text again as plain text.`;

/** Pasted or corrected article text: no control characters (the size cap is checked on the decoded bytes, 413). */
const articleText = z.string().superRefine((value, ctx) => {
  const where = findControlCharacter(value);
  if (where) ctx.addIssue({ code: "custom", message: controlCharacterMessage(where) });
});

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
  text: articleText.optional(),
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
export const correctArticleSchema = z.object({ version: z.number().int().min(1).max(MAX_INT), text: articleText });
export type CorrectArticleInput = z.infer<typeof correctArticleSchema>;

const versionNumber = z.coerce.number().int().min(1).max(MAX_INT, "There is no version that high.");

/** GET /api/articles/{id}/versions/compare?from=1&to=2 (version numbers, within the Int column's range). */
export const compareVersionsSchema = z.object({ from: versionNumber, to: versionNumber });

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
