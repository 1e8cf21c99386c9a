import { z } from "zod";
import type { ArticlePermissions } from "@/lib/policies/article";

/** The size cap of an article's text (pasted, corrected, or extracted from a file or page), in bytes of UTF-8: 1 MiB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** The size cap of an uploaded file or a fetched page, before extraction: 10 MiB (real pages carry megabytes of scripts and styles). */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
/** The JSON body cap of an import: a 10 MiB file as base64 (4/3 larger) plus room for the metadata and choices. */
export const MAX_IMPORT_BODY_BYTES = Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 256 * 1024;

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
  z
    .string()
    .trim()
    .max(max, `${label} is longer than ${max} characters.`)
    .nullish()
    .transform((v) => v || null);

/** Article metadata as typed in the form. Every field is optional: only what the article states is filled in. */
export const articleMetaSchema = z.object({
  title: optional(300, "The title"),
  outlet: optional(200, "The outlet"),
  author: optional(200, "The author"),
  publishedDate: optional(10, "The date").refine((v) => v === null || isRealDate(v), "Give a real date as YYYY-MM-DD."),
  modifiedDate: optional(10, "The date").refine((v) => v === null || isRealDate(v), "Give a real date as YYYY-MM-DD."),
  url: optional(2000, "The address").refine((v) => v === null || isHttpUrl(v), "Give a web address starting with http:// or https://."),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

/** The metadata fields, in form order. */
export const ARTICLE_META_FIELDS = ["title", "outlet", "author", "publishedDate", "modifiedDate", "url"] as const;
export type ArticleMetaField = (typeof ARTICLE_META_FIELDS)[number];

/** PATCH /api/articles/{id}: the fields to change (null clears one) and the article `version` the editor read. */
export const updateArticleMetaSchema = articleMetaSchema
  .partial()
  .extend({ version: z.number().int().min(1).max(2_147_483_647) })
  .refine((v) => ARTICLE_META_FIELDS.some((f) => v[f] !== undefined), { message: "Change at least one field.", path: ["title"] });
export type UpdateArticleMetaInput = z.infer<typeof updateArticleMetaSchema>;

/**
 * Where the text comes from: pasted `text`, a `file` (.txt, .md, .html)
 * sent as base64 inside the JSON body, or the `snapshotId` of a page fetched
 * by URL (POST /api/articles/fetch). Exactly one of the three.
 */
const sourceFields = {
  text: articleText.optional(),
  file: z
    .object({
      name: z.string().trim().min(1, "The file has no name.").max(255),
      base64: z.string().regex(BASE64, "The file content is not valid base64."),
    })
    .optional(),
  snapshotId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a snapshot id.")
    .optional(),
};
const oneSource = (v: { text?: string; file?: unknown; snapshotId?: string }) =>
  [v.text, v.file, v.snapshotId].filter((x) => x !== undefined).length === 1;
const ONE_SOURCE = { message: "Paste the text, choose a file or fetch a page (one of these).", path: ["text"] };

/** The removed furniture blocks to put back: indexes into the preview's `removed`. */
const restore = z.array(z.number().int().min(0)).max(1000).default([]);
/** Kept lines to leave out: indexes into the preview's `lines`. */
const drop = z.array(z.number().int().min(0)).max(20_000).default([]);

/** A text source alone (what lib/import reads). */
export type ImportSource = { text?: string; file?: { name: string; base64: string } };

/** POST /api/articles/preview: the cleaned text (with the user's choices applied), every line, what the cleanup removed and the metadata found; nothing saved. */
export const previewArticleSchema = z.object({ ...sourceFields, restore, drop }).refine(oneSource, ONE_SOURCE);
export type PreviewArticleInput = z.infer<typeof previewArticleSchema>;

/** POST /api/articles: the same source and choices as the preview, and the metadata (as the editor left it). */
export const createArticleSchema = z.object({ ...sourceFields, ...articleMetaSchema.shape, restore, drop }).refine(oneSource, ONE_SOURCE);
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

/** POST /api/articles/fetch: the address of a page to import. */
export const fetchArticleSchema = z.object({
  url: z.string().trim().min(1, "Give the address of the page.").max(2000, "The address is longer than 2,000 characters."),
});
export type FetchArticleInput = z.infer<typeof fetchArticleSchema>;

/** Longest reason a correction may give, in characters. */
export const CORRECTION_REASON_MAX = 500;

/**
 * POST /api/articles/{id}/versions: the corrected text, the article `version`
 * the editor started from, and why (shown in the versions list and reports).
 * The form asks for a reason; the API also takes a correction without one
 * (scripts, older clients), stored as null.
 */
export const correctArticleSchema = z.object({
  version: z.number().int().min(1).max(MAX_INT),
  text: articleText,
  reason: z.string().trim().max(CORRECTION_REASON_MAX, `Keep the reason under ${CORRECTION_REASON_MAX} characters.`).optional(),
});
export type CorrectArticleInput = z.infer<typeof correctArticleSchema>;

const versionNumber = z.coerce.number().int().min(1).max(MAX_INT, "There is no version that high.");

/** GET /api/articles/{id}/versions/compare?from=1&to=2 (version numbers, within the Int column's range). */
export const compareVersionsSchema = z.object({ from: versionNumber, to: versionNumber });

/** A removed furniture block as the preview returns it (lib/anchoring/strip-furniture.ts). */
export type RemovedBlockDto = { kind: string; lines: string[]; index: number };

/** What a line of an article's text was in the page: presentation only (lib/anchoring/line-kinds.ts). */
export type LineKind = "paragraph" | "heading" | "quote" | "list-item" | "row";

/** One line of an import preview: its text, what it was in the page, and whether the save keeps it. */
export type PreviewLineDto = {
  index: number;
  text: string;
  kind: LineKind;
  /** "kept", "dropped" (by the editor), "removed" (as furniture) or "restored" (furniture put back). */
  state: "kept" | "dropped" | "removed" | "restored";
};

/** A metadata value found in the page, and where (`detail`: "JSON-LD NewsArticle headline", "og:site_name", …). */
export type FoundMetaDto = { value: string; source: string; detail: string };

/** The metadata an import found, by form field; absent where the page states nothing. */
export type FoundMetadataDto = Partial<Record<ArticleMetaField, FoundMetaDto>>;

/** The page an import by URL fetched. */
export type SnapshotDto = {
  id: string;
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string;
  fetchedAt: string;
  size: number;
};

/** The preview of an import. */
export type ImportPreviewDto = {
  text: string;
  lines: PreviewLineDto[];
  removed: RemovedBlockDto[];
  format: "text" | "markdown" | "html";
  /** The encoding the bytes were read in (UTF-8 for pasted text). */
  encoding: string;
  length: number;
  found: FoundMetadataDto;
};

/** One version in the list of an article's versions. */
export type ArticleVersionDto = {
  id: string;
  number: number;
  length: number;
  textHash: string;
  createdAt: string;
  createdBy: { id: string; name: string | null } | null;
  current: boolean;
  /** Why the correction that made this version was made; null for the first version and corrections saved without one. */
  reason: string | null;
};

/** A word-level comparison of two versions, in text order. */
export type VersionCompareDto = {
  from: ArticleVersionDto;
  to: ArticleVersionDto;
  parts: { kind: "same" | "removed" | "added"; text: string }[];
};

/** How many claims ended in each anchor state after a correction. */
export type ReanchorSummary = { anchored: number; moved: number; drifted: number; orphaned: number };

/** Review states an article list can filter by (from its rounds: one open, one revealed, all decided). */
export const REVIEW_STATES = ["none", "open", "awaiting", "adjudicated"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

const calendarDate = z.string().refine(isRealDate, "Give a real date as YYYY-MM-DD.");

/** GET /api/articles: search, filters, sort and paging. Every parameter is optional. */
export const listArticlesSchema = z.object({
  q: z.string().trim().max(200, "The search is longer than 200 characters.").optional(),
  outlet: z.string().trim().max(200).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  review: z.enum(REVIEW_STATES).optional(),
  disputed: z.enum(["1"]).optional(),
  sort: z.enum(["date", "title", "claims"]).default("date"),
  dir: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  /** Admins only: the deleted articles, to restore one. */
  deleted: z.enum(["1"]).optional(),
});
export type ListArticlesQuery = z.infer<typeof listArticlesSchema>;

/** DELETE /api/articles/{id}?version=N and POST /api/articles/{id}/restore { version }. */
export const articleVersionSchema = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

/**
 * GET /api/articles/{id}?text=0: the details without the current text (the
 * page's answer to a live event about new details; it keeps the text it has).
 */
export const articleReadQuerySchema = z.object({ text: z.enum(["0", "1"]).default("1") });

/** One row of the article list. */
export type ArticleListItem = {
  id: string;
  title: string;
  untitled: boolean;
  outlet: string | null;
  author: string | null;
  publishedDate: string | null;
  url: string | null;
  claimCount: number;
  reviewState: ReviewState;
  hasDisputed: boolean;
  createdAt: string;
  deletedAt: string | null;
  /** The row version: a restore names it. */
  version: number;
};

/** A page of the list and how many articles match in all. */
export type ArticlePage = { items: ArticleListItem[]; total: number; page: number; pageSize: number };

/** GET /api/articles/{id}: metadata (with where each field came from), the current version's canonical text, and the fetched page's snapshot. */
export type ArticleDto = {
  id: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedDate: string | null;
  modifiedDate: string | null;
  url: string | null;
  /** Where each metadata field came from: the page's statement ("og:title") or "editor". */
  metaSources: Record<string, string>;
  version: number;
  currentVersion: {
    id: string;
    number: number;
    text: string;
    /** Each line's kind, aligned to the lines of `text`; null when every line is a paragraph. */
    lineKinds: LineKind[] | null;
    textHash: string;
    length: number;
    createdAt: string;
  };
  snapshot: SnapshotDto | null;
  /** What the caller may do with the article (lib/policies/article.ts). */
  can: ArticlePermissions;
};
