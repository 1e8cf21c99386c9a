/**
 * From what the user gave us (pasted text, or a .txt, .md or .html file sent
 * as base64 in JSON) to the canonical text of a first article version, with
 * the page furniture the cleanup removed and the blocks the user chose to
 * restore put back.
 *
 * Limits (documented in the API and on the form): at most {@link MAX_IMPORT_BYTES}
 * (1 MiB) of text or file, which must be UTF-8 and hold no control characters
 * other than tab and line breaks; anything else is a clear 413 or 400.
 */
import { AppError } from "@/lib/errors";
import { normalizeText } from "@/lib/anchoring/normalize-text";
import { stripFurniture, type RemovedBlock } from "@/lib/anchoring/strip-furniture";
import { controlCharacterMessage, findControlCharacter, MAX_IMPORT_BYTES, type ImportSource } from "@/lib/schemas/article";
import { htmlToText } from "./html-to-text";
import { markdownToText } from "./markdown-to-text";

export type ImportFormat = "text" | "markdown" | "html";

/** The import's result: canonical text, every block the cleanup removed, and the format read. */
export type ImportedText = { text: string; removed: RemovedBlock[]; format: ImportFormat };

const EXTENSIONS: Record<string, ImportFormat> = { txt: "text", text: "text", md: "markdown", markdown: "markdown", html: "html", htm: "html" };

/** The format of a file, from its extension; null when we do not read that kind of file. */
export function formatOf(fileName: string): ImportFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (ext && EXTENSIONS[ext]) || null;
}

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The text is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB. Split the article or trim it before importing.`);

/** UTF-8 text, decoded strictly: a byte sequence that is not UTF-8 is refused, never replaced with U+FFFD. */
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID_INPUT", "The file is not UTF-8 text. Save it as UTF-8 and try again.", { field: "file" });
  }
}

/** The raw text and its format: checks the size cap, that there are no control characters and, for a file, its type and that it is UTF-8. */
function readSource(source: ImportSource): { raw: string; format: ImportFormat } {
  if (!source.file) {
    const raw = source.text ?? "";
    if (Buffer.byteLength(raw, "utf8") > MAX_IMPORT_BYTES) throw tooLarge();
    const control = findControlCharacter(raw);
    if (control) throw new AppError("INVALID_INPUT", controlCharacterMessage(control), { field: "text" });
    return { raw, format: "text" };
  }
  const format = formatOf(source.file.name);
  if (!format) throw new AppError("INVALID_INPUT", "Only .txt, .md and .html files can be imported.", { field: "file" });
  const bytes = Buffer.from(source.file.base64, "base64");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge();
  const raw = decodeUtf8(bytes);
  // UTF-16 without a byte-order mark passes the UTF-8 check as "H\0e\0l\0l\0o\0".
  const control = findControlCharacter(raw);
  if (control) {
    throw new AppError("INVALID_INPUT", `The file holds a control character (${control}), so it is not UTF-8 text: it may be UTF-16 or a binary file. Save it as UTF-8 text and try again.`, { field: "file" });
  }
  return { raw, format };
}

const CONVERT: Record<ImportFormat, (raw: string) => string> = { text: (raw) => raw, markdown: markdownToText, html: htmlToText };

/**
 * Import a source. `restore` lists indexes into `removed` of the blocks the
 * user wants kept in the text after all. Same source and restore list, same
 * text: the preview and the save agree.
 */
export function importSource(source: ImportSource, restore: readonly number[] = []): ImportedText {
  const { raw, format } = readSource(source);
  const normalized = normalizeText(CONVERT[format](raw));
  if (normalized === "") {
    throw new AppError("INVALID_INPUT", source.file ? "The file holds no article text." : "Paste the article text first: it is empty.", { field: source.file ? "file" : "text" });
  }
  const stripped = stripFurniture(normalized);
  const bad = restore.find((i) => i >= stripped.removed.length);
  if (bad !== undefined) throw new AppError("INVALID_INPUT", `There is no removed block ${bad} to restore.`, { field: "restore" });
  const dropped = new Set<number>();
  stripped.removed.forEach((block, i) => {
    if (!restore.includes(i)) block.lines.forEach((_, k) => dropped.add(block.index + k));
  });
  // Can be empty when every line was furniture: the preview shows that, a save refuses it.
  const text = normalizeText(normalized.split("\n").filter((_, i) => !dropped.has(i)).join("\n"));
  return { text, removed: stripped.removed, format };
}
