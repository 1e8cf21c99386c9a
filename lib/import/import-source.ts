/**
 * From what the user gave us (pasted text, a .txt, .md or .html file sent as
 * base64 in JSON, or a page fetched by URL) to the canonical text of a first
 * article version, with the page furniture the cleanup removed, the blocks
 * the user chose to restore put back and the kept blocks they chose to drop
 * taken out.
 *
 * Limits (documented in docs/limits.md and on the form): a file or page of at
 * most {@link MAX_IMPORT_FILE_BYTES} (10 MB), and at most
 * {@link MAX_IMPORT_BYTES} (1 MiB) of text once extracted; text in the
 * encoding its bytes declare (UTF-8 when they declare none), with no control
 * characters other than tab and line breaks. Anything else is a clear 413 or 400.
 *
 * Files and pages are read in a worker thread (extraction-pool.ts); pasted
 * text, already a string of at most 1 MiB, is read here.
 */
import { AppError } from "@/lib/errors";
import { normalizeText } from "@/lib/anchoring/normalize-text";
import { storedLineKinds } from "@/lib/anchoring/line-kinds";
import type { RemovedBlock } from "@/lib/anchoring/strip-furniture";
import {
  controlCharacterMessage,
  findControlCharacter,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_FILE_BYTES,
  type ImportSource,
} from "@/lib/schemas/article";
import type { BlockKind } from "./html-blocks";
import type { PageMetadata } from "./page-metadata";
import { readText, type ImportFormat, type PageReading } from "./read-page";
import { readPageInWorker } from "./extraction-pool";

export type { ImportFormat } from "./read-page";

/** A fetched page, as the snapshot keeps it: the bytes, the charset of its Content-Type, and its final URL. */
export type FetchedPage = { bytes: Uint8Array; charset: string | null; url: string; format: "html" | "text" };

/** The user's choices over the preview: removed blocks to put back, kept lines to drop (indexes into `lines`). */
export type ImportChoices = { restore?: readonly number[]; drop?: readonly number[] };

/** The import's result: canonical text, every candidate line (with its kind), the blocks the cleanup removed, and what the page states. */
export type ImportedText = {
  text: string;
  /** Every line the import found, kept or not; `restore` and `drop` index into `removed` and this. */
  lines: string[];
  kinds: BlockKind[];
  /** The kinds of the lines of `text` (the kept ones), as the version stores them: null when all are paragraphs. */
  lineKinds: BlockKind[] | null;
  removed: RemovedBlock[];
  /** The lines dropped by the user's choice (`drop`), in order. */
  dropped: number[];
  format: ImportFormat;
  encoding: string;
  metadata: PageMetadata | null;
};

const EXTENSIONS: Record<string, ImportFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
};

/** The format of a file, from its extension; null when we do not read that kind of file. */
export function formatOf(fileName: string): ImportFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (ext && EXTENSIONS[ext]) || null;
}

const tooLarge = (what: string, limit: string) =>
  new AppError("PAYLOAD_TOO_LARGE", `${what} is larger than ${limit}. Split the article or trim it before importing.`);

/** Read a source into lines (see the module comment). */
async function read(source: ImportSource | FetchedPage): Promise<PageReading> {
  if ("bytes" in source) {
    if (source.bytes.byteLength > MAX_IMPORT_FILE_BYTES) throw tooLarge("The page", "10 MB");
    return readPageInWorker({
      bytes: source.bytes,
      format: source.format,
      transportCharset: source.charset,
      url: source.url,
      field: "url",
    });
  }
  if (!source.file) {
    const raw = source.text ?? "";
    if (Buffer.byteLength(raw, "utf8") > MAX_IMPORT_BYTES) throw tooLarge("The text", "1 MiB");
    const control = findControlCharacter(raw);
    if (control) throw new AppError("INVALID_INPUT", controlCharacterMessage(control), { field: "text" });
    return readText(raw, "text");
  }
  const format = formatOf(source.file.name);
  if (!format) throw new AppError("INVALID_INPUT", "Only .txt, .md and .html files can be imported.", { field: "file" });
  const bytes = Buffer.from(source.file.base64, "base64");
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) throw tooLarge("The file", "10 MB");
  return readPageInWorker({ bytes, format, field: "file" });
}

function checkIndexes(list: readonly number[], size: number, field: "restore" | "drop", what: string) {
  const bad = list.find((i) => i >= size);
  if (bad !== undefined) throw new AppError("INVALID_INPUT", `There is no ${what} ${bad}.`, { field });
}

/**
 * Import a source. `restore` lists indexes into `removed` of the blocks the
 * user wants kept after all; `drop` lists indexes into `lines` of lines the
 * user wants out. Same source and choices, same text: the preview and the
 * save agree.
 */
export async function importSource(source: ImportSource | FetchedPage, choices: ImportChoices = {}): Promise<ImportedText> {
  const reading = await read(source);
  const restore = choices.restore ?? [];
  const drop = choices.drop ?? [];
  if (reading.lines.length === 0) {
    const field = "bytes" in source ? "url" : source.file ? "file" : "text";
    throw new AppError(
      "INVALID_INPUT",
      field === "text" ? "Paste the article text first: it is empty." : `The ${field === "url" ? "page" : "file"} holds no article text.`,
      { field },
    );
  }
  checkIndexes(restore, reading.removed.length, "restore", "removed block to restore:");
  checkIndexes(drop, reading.lines.length, "drop", "line to drop:");
  const out = new Set<number>(drop);
  reading.removed.forEach((block, i) => {
    if (!restore.includes(i)) block.lines.forEach((_, k) => out.add(block.index + k));
  });
  // Can be empty when every line was dropped: the preview shows that, a save refuses it.
  const kept = reading.lines.flatMap((line, i) => (out.has(i) ? [] : [{ line, kind: reading.kinds[i] ?? "paragraph" }]));
  const text = normalizeText(kept.map((k) => k.line).join("\n"));
  // The lines are canonical already, so the text has one line per kept line; were it ever otherwise, no kinds rather than wrong ones.
  const aligned = text !== "" && text.split("\n").length === kept.length;
  const dropped = [...new Set(drop)].sort((a, b) => a - b);
  return {
    text,
    lines: reading.lines,
    kinds: reading.kinds,
    lineKinds: aligned ? storedLineKinds(kept.map((k) => k.kind)) : null,
    removed: reading.removed,
    dropped,
    format: reading.format,
    encoding: reading.encoding,
    metadata: reading.metadata,
  };
}
