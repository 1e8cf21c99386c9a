/**
 * pdfkit's output, collected as text until the document ends.
 *
 * pdfkit turns every piece of output into bytes as it is written: each
 * content operator of a page (a word's glyphs, a colour, a move) becomes its
 * own Uint8Array, copied byte by byte from a string and joined again when the
 * page ends; each line of the file (every object of a tagged report's
 * structure tree, every line of the cross-reference table) becomes another,
 * pushed through a Readable stream that wraps it in a Buffer, and the report
 * joined those Buffers at the end. In a team PDF of 10,000 claims (100
 * reports) that was about a fifth of a report's CPU time and much of its
 * garbage collection (measured: ~280 ms of content copying, ~280 ms of
 * stream output per 100 reports, of ~4.6 s).
 *
 * Here a page's content operators and the document's lines stay strings,
 * and each becomes bytes once: a page's content when the page ends, the file
 * when the document ends. The bytes are the same as pdfkit's own (at pdfkit's
 * compression level, ./pdf-output.test.ts compares whole reports byte for
 * byte): pdfkit writes its strings as one byte per character (the low byte:
 * latin1), and every line ends "\n" as pdfkit ends it.
 *
 * A page's content is deflated here, at zlib's fastest level (pdfkit uses
 * zlib's default, 6, and cannot be told otherwise). Measured on 1,000 claims
 * of report pages: 15 ms against 30, for streams 12% larger (a page's
 * operators repeat, and the fastest level finds most of it). Fonts and every
 * other stream are still deflated by pdfkit.
 *
 * It replaces, on one document, two of pdfkit's private methods: the
 * document's `_write` and each page content stream's `write` and `end`.
 * Written against pdfkit 0.20; the byte-for-byte test fails if a later
 * version writes its output another way.
 */
import { constants, deflateSync } from "node:zlib";
import PDFDocument from "pdfkit";

type Chunk = string | Uint8Array;

/** A pdfkit indirect object (PDFReference), as far as this module uses it. */
type Reference = { write(chunk: Chunk): void; end(chunk?: Chunk): void; compress: boolean; buffer: Uint8Array[] };

/** zlib's level for a page's content (see above). */
export const PAGE_CONTENT_LEVEL = constants.Z_BEST_SPEED;

/** The private parts of a pdfkit document this module uses. */
type Internals = PDFKit.PDFDocument & {
  _write(data: Chunk): void;
  _offset: number;
  page: PDFKit.PDFPage & { content: Reference };
};

/** Bytes of a pdfkit string: one per character, its low byte (what pdfkit's own conversion does). */
const bytesOf = (text: string) => Buffer.from(text, "latin1");

/**
 * Keeps a page's content operators as strings until the page ends, then
 * writes them to the content stream as one piece, deflated at `level` (pdfkit
 * has marked the stream FlateDecode and writes the bytes as they are).
 */
function bufferPageContent(content: Reference, level: number) {
  const { write, end } = content;
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    write.call(content, bytesOf(lines.join("\n") + "\n"));
    lines = [];
  };
  content.write = (chunk: Chunk) => {
    if (typeof chunk === "string") return void lines.push(chunk);
    flush();
    write.call(content, chunk);
  };
  content.end = (chunk?: Chunk) => {
    if (chunk) content.write(chunk);
    flush();
    if (content.compress && content.buffer.length > 0) {
      content.buffer = [deflateSync(Buffer.concat(content.buffer), { level })];
      content.compress = false;
    }
    end.call(content);
  };
}

/**
 * Creates a pdfkit document with `options` whose output is collected as
 * described above. Resolves to the whole file once `doc.end()` is called
 * and every object is written. `contentLevel`: zlib's level for a page's
 * content (a test asks for pdfkit's own to compare bytes).
 */
export function collectedPdf(
  options: PDFKit.PDFDocumentOptions,
  { contentLevel = PAGE_CONTENT_LEVEL }: { contentLevel?: number } = {},
): { doc: PDFKit.PDFDocument; file: Promise<Buffer> } {
  // The first page is added below, after its content stream can be taken over.
  const doc = new PDFDocument({ ...options, autoFirstPage: false }) as Internals;
  const pieces: Uint8Array[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.length === 0) return;
    pieces.push(bytesOf(text.join("")));
    text = [];
  };
  // The header pdfkit wrote in its constructor, through its own stream.
  const header = doc.read() as Buffer | null;
  if (header) pieces.push(header);
  doc._write = (data: Chunk) => {
    if (data instanceof Uint8Array) {
      flush();
      pieces.push(data);
      doc._offset += data.length;
      return;
    }
    const line = `${data}\n`;
    text.push(line);
    doc._offset += line.length;
  };
  doc.on("pageAdded", () => bufferPageContent(doc.page.content, contentLevel));
  const file = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => {
      flush();
      resolve(Buffer.concat(pieces));
    });
    doc.on("error", reject);
  });
  // Nothing goes through the stream any more but its end.
  doc.resume();
  if (options.autoFirstPage !== false) doc.addPage();
  return { doc, file };
}
