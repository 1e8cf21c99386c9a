/**
 * The CPU-heavy half of an import, as one pure function that the extraction
 * worker runs (extraction-pool.ts): bytes -> decoded text -> article blocks
 * (HTML through Readability, Markdown and plain text line by line) ->
 * canonical lines, each with its kind, plus what the furniture rules would
 * remove and the metadata the page states.
 *
 * What the user chooses afterwards (restore a removed block, drop a kept
 * one) is applied on the main thread from this result (import-source.ts), so
 * the preview and the save read the same lines.
 */
import { normalizeText } from "@/lib/anchoring/normalize-text";
import { stripFurniture, type RemovedBlock } from "@/lib/anchoring/strip-furniture";
import { AppError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/article";
import { decodeText } from "./decode-text";
import { extractArticle } from "./extract-article";
import type { Block, BlockKind } from "./html-blocks";
import { markdownToText } from "./markdown-to-text";
import type { PageMetadata } from "./page-metadata";

export type ImportFormat = "text" | "markdown" | "html";

/** What the worker is asked to read. */
export type ReadJob = {
  bytes: Uint8Array;
  format: ImportFormat;
  /** The charset of an HTTP Content-Type header, for a fetched page. */
  transportCharset?: string | null;
  /** Where a fetched page came from (resolves relative canonical URLs). */
  url?: string;
  /** The input field a refusal names: "file" for an upload, "url" for a fetched page. */
  field: "file" | "url";
};

/** The page, read: every candidate line of the text with its kind, the furniture the rules would remove, the metadata. */
export type PageReading = {
  /** Canonical lines (normalizeText of each block), before furniture removal. */
  lines: string[];
  kinds: BlockKind[];
  /** Blocks of `lines` that the furniture rules remove unless the user restores them. */
  removed: RemovedBlock[];
  format: ImportFormat;
  /** The WHATWG name of the encoding the bytes were decoded from. */
  encoding: string;
  /** HTML only: the metadata the page states. */
  metadata: PageMetadata | null;
};

const tooLarge = () =>
  new AppError(
    "PAYLOAD_TOO_LARGE",
    `The article text is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB once extracted. Split the article or trim it before importing.`,
  );

/** Blocks -> canonical lines, each keeping its block's kind. */
export function linesOf(blocks: readonly Block[]): { lines: string[]; kinds: BlockKind[] } {
  const lines: string[] = [];
  const kinds: BlockKind[] = [];
  for (const block of blocks) {
    const text = normalizeText(block.text);
    if (text === "") continue;
    for (const line of text.split("\n")) {
      lines.push(line);
      kinds.push(block.kind);
    }
  }
  return { lines, kinds };
}

/** Text already decoded (a pasted text, or a file's text) -> its reading. */
export function readText(text: string, format: Exclude<ImportFormat, "html">, encoding = "UTF-8"): PageReading {
  const converted = format === "markdown" ? markdownToText(text) : text;
  const normalized = normalizeText(converted);
  const lines = normalized === "" ? [] : normalized.split("\n");
  return finish(
    lines,
    lines.map(() => "paragraph"),
    format,
    encoding,
    null,
  );
}

function finish(lines: string[], kinds: BlockKind[], format: ImportFormat, encoding: string, metadata: PageMetadata | null): PageReading {
  const text = lines.join("\n");
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) throw tooLarge();
  return { lines, kinds, removed: stripFurniture(text).removed, format, encoding, metadata };
}

/** Read a file's or a fetched page's bytes (see the module comment). */
export function readPage(job: ReadJob): PageReading {
  const html = job.format === "html";
  const { text, encoding } = decodeText(job.bytes, { html, transportCharset: job.transportCharset, field: job.field });
  if (!html) {
    if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) throw tooLarge();
    return readText(text, job.format as Exclude<ImportFormat, "html">, encoding);
  }
  const article = extractArticle(text, job.url);
  const { lines, kinds } = linesOf(article.blocks);
  return finish(lines, kinds, "html", encoding, article.metadata);
}
