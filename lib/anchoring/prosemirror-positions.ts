/**
 * Mapping between canonical-text offsets (code points) and ProseMirror
 * positions, for a document built as one `paragraph` node per line of the
 * canonical text (paragraph i holds line i, see `splitParagraphs`).
 *
 * Layout, in UTF-16 units: paragraph i opens at PM position P_i = s_i + i,
 * where s_i is the offset of line i in the canonical text; its text runs from
 * P_i + 1 to P_i + 1 + len_i, and its closing token ends at P_{i+1}. So a
 * UTF-16 offset u inside line i maps to u + 1 + i.
 *
 * Pure: this file knows nothing of ProseMirror's classes, only its counting.
 */
import { OffsetIndex } from "./offsets";
import { segmentAt } from "./sorted-search";

/**
 * Converts between code point offsets of a canonical text and ProseMirror
 * positions in its one-paragraph-per-line document. Build once per article
 * version: O(n) to build, O(log n) per conversion.
 */
export class TextPmMap {
  private readonly offsets: OffsetIndex;
  /** UTF-16 offset of the first unit of each line in the canonical text. */
  private readonly lineStarts: number[] = [0];
  /** PM position just before each paragraph's opening token (lineStarts[i] + i). */
  private readonly paragraphStarts: number[] = [0];
  private readonly textLength: number;
  /** PM position at the end of the document content (after the last closing token). */
  readonly contentSize: number;

  constructor(canonical: string) {
    this.offsets = new OffsetIndex(canonical);
    this.textLength = canonical.length;
    for (let u = canonical.indexOf("\n"); u !== -1; u = canonical.indexOf("\n", u + 1)) {
      this.lineStarts.push(u + 1);
      this.paragraphStarts.push(u + 1 + this.paragraphStarts.length);
    }
    // Each line adds its opening and closing token; the n-1 '\n's are not in the doc.
    this.contentSize = canonical.length + this.lineStarts.length + 1;
  }

  /**
   * Code point offset -> PM position. An offset at a '\n' is the end of the
   * paragraph before it; the offset after the '\n' is the start of the next.
   * Out-of-range offsets are clamped to the text.
   */
  cpToPm(cp: number): number {
    const u = this.offsets.toUtf16(cp);
    const line = segmentAt(this.lineStarts, u);
    return u + 1 + line;
  }

  /**
   * PM position -> code point offset. Positions inside a paragraph map to the
   * text; the end of paragraph i maps to the '\n' after it and the start of
   * paragraph i+1 to the offset right after that '\n'. The position between two
   * paragraphs (outside both) maps to the '\n' too. Positions before the first
   * paragraph's text clamp to 0 and past the last one to the text length.
   */
  pmToCp(pos: number): number {
    if (Number.isNaN(pos) || pos <= 1) return 0;
    if (pos >= this.contentSize - 1) return this.offsets.codePointLength;
    return this.offsets.toCodePoint(this.pmToUtf16(pos));
  }

  /**
   * PM position -> UTF-16 offset in the canonical text, as {@link pmToCp}
   * places it: `text.slice(pmToUtf16(a), pmToUtf16(b))` is the text between
   * two positions, with '\n' where they span paragraphs.
   */
  pmToUtf16(pos: number): number {
    if (Number.isNaN(pos) || pos <= 1) return 0;
    if (pos >= this.contentSize - 1) return this.textLength;
    const p = Math.floor(pos);
    const i = segmentAt(this.paragraphStarts, p);
    const opening = this.paragraphStarts[i] as number;
    // Between paragraphs i-1 and i: the '\n' that ends line i-1.
    return p === opening ? (this.lineStarts[i] as number) - 1 : p - 1 - i;
  }
}
