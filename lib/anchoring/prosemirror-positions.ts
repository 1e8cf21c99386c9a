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
 * Grouped: the article viewer puts its paragraphs in groups of `linesPerGroup`
 * (`lines` nodes, so the browser can skip laying out and painting a group far
 * out of view as one element rather than thousands of lines: see
 * components/editor/extensions/line-groups.ts). Each group adds an opening and a
 * closing token, so paragraph i, in group k = floor(i / linesPerGroup), opens
 * at P_i = s_i + i + 2k + 1 and u inside line i maps to u + 1 + i + 2k + 1.
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
  /** PM position just before each paragraph's opening token (lineStarts[i] + i, plus the group tokens before it). */
  private readonly paragraphStarts: number[] = [];
  private readonly textLength: number;
  /** Lines per group, 0 for a doc of paragraphs only. */
  private readonly linesPerGroup: number;
  /** PM position at the end of the document content (after the last closing token). */
  readonly contentSize: number;

  constructor(canonical: string, linesPerGroup = 0) {
    this.offsets = new OffsetIndex(canonical);
    this.textLength = canonical.length;
    this.linesPerGroup = linesPerGroup;
    for (let u = canonical.indexOf("\n"); u !== -1; u = canonical.indexOf("\n", u + 1)) this.lineStarts.push(u + 1);
    this.lineStarts.forEach((start, i) => this.paragraphStarts.push(start + i + this.groupTokens(i)));
    const lines = this.lineStarts.length;
    // Each line adds its opening and closing token, and so does each group; the n-1 '\n's are not in the doc.
    this.contentSize = canonical.length + lines + 1 + (linesPerGroup ? 2 * Math.ceil(lines / linesPerGroup) : 0);
  }

  /** Group tokens before line i's paragraph: those of the groups before its own, and its own group's opening. */
  private groupTokens(line: number): number {
    return this.linesPerGroup ? 2 * Math.floor(line / this.linesPerGroup) + 1 : 0;
  }

  /**
   * Code point offset -> PM position. An offset at a '\n' is the end of the
   * paragraph before it; the offset after the '\n' is the start of the next.
   * Out-of-range offsets are clamped to the text.
   */
  cpToPm(cp: number): number {
    const u = this.offsets.toUtf16(cp);
    const line = segmentAt(this.lineStarts, u);
    return u + 1 + line + this.groupTokens(line);
  }

  /**
   * PM position -> code point offset. Positions inside a paragraph map to the
   * text; the end of paragraph i maps to the '\n' after it and the start of
   * paragraph i+1 to the offset right after that '\n'. The positions between two
   * paragraphs (outside both, and between two groups) map to the '\n' too. Positions
   * before the first paragraph's text clamp to 0 and past the last one to the text length.
   */
  pmToCp(pos: number): number {
    return this.offsets.toCodePoint(this.pmToUtf16(pos));
  }

  /**
   * PM position -> UTF-16 offset in the canonical text, as {@link pmToCp}
   * places it: `text.slice(pmToUtf16(a), pmToUtf16(b))` is the text between
   * two positions, with '\n' where they span paragraphs.
   */
  pmToUtf16(pos: number): number {
    if (Number.isNaN(pos) || pos <= 1 + this.groupTokens(0)) return 0;
    if (pos >= this.contentSize - 1 - (this.linesPerGroup ? 1 : 0)) return this.textLength;
    const p = Math.floor(pos);
    const i = segmentAt(this.paragraphStarts, p);
    const opening = this.paragraphStarts[i] as number;
    // Before paragraph i opens: the '\n' that ends line i-1. Past the end of line i's text (its closing token, a
    // group's tokens): the '\n' that ends it.
    const lineEnd = (this.lineStarts[i + 1] ?? this.textLength + 1) - 1;
    return p === opening ? (this.lineStarts[i] as number) - 1 : Math.min(p - 1 - i - this.groupTokens(i), lineEnd);
  }
}
