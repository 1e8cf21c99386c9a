/**
 * The PDF report, rendered on the server with pdfkit. The text is real text
 * in an embedded font (see ./pdf-fonts), so it can be selected, searched
 * and copied. PDF has no markup to inject into: user strings are only ever
 * laid out as text runs, never interpreted.
 *
 * It is a tagged PDF (PDF/UA's structure, WCAG 2.2 for documents): the
 * document language is the team's (`team.language`, else "en"), the viewer
 * shows the title instead of the file name, and every piece of text sits in a
 * structure element (H1 title, H2 sections, P paragraphs, the article's
 * subheads as H3, its quotes as BlockQuote and its lists as L, the claims as a
 * list L > LI > LBody, each opening with an H3), so a screen reader reads it in order and can
 * jump by heading. Page numbers are artifacts, not content.
 */
import { collectedPdf } from "./pdf-output";
import type { ReportClaim, ReportModel, ReportRejection } from "./report-model";
import { isWebUrl, reportTitle } from "./report-model";
import { claimSegments } from "./claim-segments";
import { lineBlocks } from "./line-blocks";
import { pdfTextPieces } from "./pdf-text-pieces";
import { richTextBlocks } from "./rich-text-blocks";
import { countLaidOut, shareLayoutCaches } from "./pdf-layout-cache";
import { GlyphCoverage, MISSING_GLYPH, PDF_FONTS, fallbackFontData, fontData, parsedFont, type PdfFontName } from "./pdf-fonts";
import {
  NO_RATIONALE,
  REJECTED_HEADING,
  REJECTED_INTRO,
  UNSOURCED_NOTE,
  VERDICT_LABELS,
  anchorNote,
  decisionLine,
  evidenceLine,
  rejectedReviewLine,
  rejectionDecisionLine,
  rejectionTitle,
  reportFacts,
  reviewsLine,
  summaryFacts,
} from "./report-text";

const COLORS = {
  ink: "#1d1f23",
  muted: "#5d636d",
  verified: "#1e7a3c",
  disputed: "#b3261e",
  unsourced: "#9a6400",
  link: "#1a56db",
} as const;

type Style = {
  font?: PdfFontName;
  size?: number;
  color?: string;
  continued?: boolean;
  underline?: boolean;
  link?: string | null;
  indent?: number;
};

/** Structure types the report uses (PDF 32000-1, 14.8.4). */
type StructType = "H1" | "H2" | "H3" | "P" | "L" | "LI" | "Lbl" | "LBody" | "Sect" | "BlockQuote";

export type PdfOptions = {
  /** A TTF/OTF path for characters DejaVu Sans lacks (Hangul, CJK); ignored, with a log line, when it cannot be used. */
  fallbackFont?: string | null;
};

/** Lays out text runs, switching to the fallback font (or □) for characters the main font lacks. */
class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  /** The whole file, once the document has ended. */
  readonly file: Promise<Buffer>;
  missing = 0;
  private coverage = new Map<PdfFontName, GlyphCoverage>();
  private readonly hasFallback: boolean;
  private fallbackCoverage: GlyphCoverage | undefined;
  private color: string | null = null;
  private colorPage: PDFKit.PDFPage | null = null;
  /**
   * The pitch of the line a continued run left open: the tallest line height
   * of the runs since the last line end, 0 when no line is open (see {@link put}).
   */
  private openLine = 0;

  /** The structure element new tagged content goes into (the document, a section, a list item). */
  private parent: PDFKit.PDFStructureElement;
  readonly root: PDFKit.PDFStructureElement;

  constructor(opts: PdfOptions & { lang: string; title: string }) {
    // No default font: pdfkit would load Helvetica, and a default given by path is cached under the path,
    // so every later switch to the same file by name would re-read and re-parse it (seconds per report).
    ({ doc: this.doc, file: this.file } = collectedPdf({
      size: "A4",
      margins: { top: 56, bottom: 56, left: 56, right: 56 },
      bufferPages: true,
      font: null as unknown as string,
      autoFirstPage: true,
      pdfVersion: "1.7",
      tagged: true,
      lang: opts.lang,
      displayTitle: true,
      info: { Title: opts.title },
    }));
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
    this.parent = this.root;
    // Parsed fonts, not their bytes: pdfkit would parse each font again for every document (pdf-fonts.ts).
    for (const name of Object.keys(PDF_FONTS) as PdfFontName[])
      this.doc.registerFont(name, parsedFont(name, fontData(name)) as unknown as Buffer);
    const fallback = opts.fallbackFont ? fallbackFontData(opts.fallbackFont) : null;
    if (fallback) this.doc.registerFont("fallback", parsedFont(`fallback:${opts.fallbackFont}`, fallback) as unknown as Buffer);
    this.hasFallback = !!fallback;
    // Word layouts are shared by every document (./pdf-layout-cache.ts), per font file.
    shareLayoutCaches(this.doc, {
      regular: "regular",
      bold: "bold",
      italic: "italic",
      ...(fallback ? { fallback: `fallback:${opts.fallbackFont}` } : {}),
    });
  }

  /** Runs of text the main font lacks, split into what the fallback font prints and what it lacks too. */
  private fallbackRuns(text: string): { text: string; covered: boolean }[] {
    if (!this.hasFallback) return [{ text, covered: false }];
    // Switching fonts here is safe: every text run below names its font again.
    this.fallbackCoverage ??= GlyphCoverage.of(this.doc.font("fallback"));
    return this.fallbackCoverage.runs(text);
  }

  write(text: string, style: Style = {}) {
    const font = style.font ?? "regular";
    const doc = this.doc.font(font).fontSize(style.size ?? 10);
    this.fillColor(style.color ?? COLORS.ink);
    let coverage = this.coverage.get(font);
    if (!coverage) this.coverage.set(font, (coverage = GlyphCoverage.of(doc)));
    const runs = coverage.runs(text);
    runs.forEach((run, i) => {
      const last = i === runs.length - 1;
      // Explicit values: pdfkit carries any option left undefined over from the previous continued run.
      const options = {
        continued: last ? !!style.continued : true,
        underline: !!style.underline,
        link: style.link ?? null,
        indent: style.indent ?? 0,
      };
      if (run.covered) return this.put(font, run.text, options);
      const parts = this.fallbackRuns(run.text);
      parts.forEach((part, j) => {
        const opts = { ...options, continued: j < parts.length - 1 || options.continued };
        if (part.covered) return this.put("fallback", part.text, opts);
        this.missing += [...part.text].length;
        this.put(font, MISSING_GLYPH.repeat([...part.text].length), opts);
      });
    });
    if (runs.length === 0 && !style.continued) this.endLine();
  }

  /**
   * Ends the line continued runs left open, as a run that is not continued
   * would. An empty text() does not: pdfkit moves down only when it lays out
   * a word, and after a continued run its y is still the open line's top. So
   * a paragraph whose last run was empty (a rationale ending in a line break,
   * trimmed to nothing) left the next paragraph printed over its last line.
   */
  private endLine() {
    const pitch = this.openLine;
    // Drops pdfkit's continued line (its x back to where the paragraph started).
    this.doc.text("", { continued: false });
    this.doc.y += pitch;
    this.openLine = 0;
  }

  /**
   * Sets the fill colour unless it is already set on this page: pdfkit parses
   * the colour and writes the operator on every call, thousands of times in a
   * report of many claims. (A new page starts with pdfkit setting it again.)
   */
  private fillColor(color: string) {
    if (color === this.color && this.doc.page === this.colorPage) return;
    this.doc.fillColor(color);
    this.color = color;
    this.colorPage = this.doc.page;
  }

  /**
   * One text run in `font`, long unbroken runs passed in pieces
   * (./pdf-text-pieces.ts says why).
   *
   * Lines are a paragraph's pitch apart, whatever run ends them. pdfkit moves
   * down by the line height of the run it is laying out when a line ends, so
   * a small run that wrapped (a footnote marker after a claim at a line's
   * end) moved down by its own 7 pt line and printed the next line over the
   * 10.5 pt one above it. Each run's `lineGap` makes up the difference to the
   * tallest run since the line opened.
   */
  private put(font: PdfFontName | "fallback", text: string, options: PDFKit.Mixins.TextOptions & { continued: boolean }) {
    const own = this.doc.font(font).currentLineHeight(true);
    const pitch = Math.max(own, this.openLine);
    const pieces = pdfTextPieces(text);
    pieces.forEach((piece, i) => {
      countLaidOut(this.doc, piece.length);
      // Explicit, as in write(): pdfkit would carry the previous run's lineGap over.
      this.doc.text(piece, { ...options, lineGap: pitch - own, continued: i < pieces.length - 1 || options.continued });
    });
    this.openLine = options.continued ? pitch : 0;
  }

  /**
   * Draws `draw`'s text as the content of a new structure element of `type`
   * in the current parent. Content elements never nest (marked content
   * cannot); containers go through {@link group}.
   */
  tag(type: StructType, draw: () => void) {
    this.parent.add(this.doc.struct(type, {}, draw));
  }

  /** A container element (a list, a list item, its body): what `fill` tags goes inside it. */
  group(type: StructType, fill: () => void) {
    const el = this.doc.struct(type);
    const outer = this.parent;
    outer.add(el);
    this.parent = el;
    try {
      fill();
    } finally {
      this.parent = outer;
      el.end();
    }
  }

  /** What `draw` writes starts `by` points further right (a block quote, a list), wrapping there too. */
  indented(by: number, draw: () => void) {
    const left = this.doc.page.margins.left;
    this.doc.x = left + by;
    try {
      draw();
    } finally {
      this.doc.x = left;
    }
  }

  /**
   * A list item's label (its bullet), tagged Lbl, in the gutter `gap` points
   * left of the item's text, on the line the text starts on: the text that
   * follows wraps under itself, not under the bullet.
   */
  label(text: string, gap: number) {
    const doc = this.doc;
    const x = doc.x;
    doc.font("regular").fontSize(10.5);
    // The bullet and the item's first line on one page.
    if (doc.y + doc.currentLineHeight(true) > doc.page.maxY()) doc.addPage();
    const y = doc.y;
    this.tag("Lbl", () => {
      this.fillColor(COLORS.ink);
      doc.text(text, x - gap, y, { lineBreak: false });
    });
    doc.x = x;
    doc.y = y;
  }

  /** A paragraph of one style. */
  paragraph(text: string, style: Style = {}) {
    this.tag("P", () => this.write(text, style));
  }

  heading(text: string, size = 14, type: StructType = "H2") {
    this.doc.moveDown(0.8);
    this.tag(type, () => this.write(text, { font: "bold", size }));
    this.doc.moveDown(0.3);
  }

  /** "Label: value" on one line (wrapping as needed), a paragraph of its own. */
  fact(label: string, value: string, link?: string | null) {
    this.tag("P", () => {
      this.write(`${label}: `, { font: "bold", size: 9.5, continued: true });
      this.write(value, { size: 9.5, color: link ? COLORS.link : COLORS.ink, link });
    });
  }

  /**
   * "Label: " and stored rich text (./rich-text-blocks.ts): the first
   * paragraph on the label's line, each further paragraph and list item on
   * its own, items indented under their marker ("•", "3."), bold and italic
   * runs in those fonts (bold wins when both). Plain `text` when the HTML is
   * not the sanitizer's, or is empty.
   */
  richFact(label: string, html: string, text: string) {
    const blocks = html ? richTextBlocks(html) : null;
    if (!blocks || blocks.length === 0) return this.fact(label, text || NO_RATIONALE);
    const left = this.doc.page.margins.left;
    this.write(`${label}: `, { font: "bold", size: 9.5, continued: true });
    blocks.forEach((b, i) => {
      const indent = b.kind === "item" ? 12 * b.depth : b.kind === "quote" ? 12 : 0;
      if (i > 0 || indent > 0) {
        // A new line for this block (the label's line ends here when the first block is an item).
        if (i === 0) this.write("", { size: 9.5 });
        this.doc.x = left + indent;
      }
      const runs = b.marker ? [{ text: `${b.marker} `, bold: false, italic: false }, ...b.runs] : b.runs;
      runs.forEach((r, j) =>
        this.write(r.text, {
          size: 9.5,
          font: r.bold ? "bold" : r.italic || b.kind === "quote" ? "italic" : "regular",
          continued: j < runs.length - 1,
        }),
      );
    });
    this.doc.x = left;
  }
}

/** Builds the PDF report of `m`. */
export async function buildPdf(m: ReportModel, opts: PdfOptions = {}): Promise<Buffer> {
  const title = `Fact-check report: ${reportTitle(m)}`;
  const w = new PdfWriter({ ...opts, lang: m.team.language || "en", title });
  const doc = w.doc;
  doc.info.Author = m.team.name;
  doc.info.Creator = "Claimdesk";

  w.paragraph(`FACT-CHECK REPORT · ${m.team.name}`, { size: 8, color: COLORS.muted });
  w.tag("H1", () => w.write(reportTitle(m), { font: "bold", size: 18 }));
  doc.moveDown(0.5);
  for (const [k, v] of reportFacts(m)) w.fact(k, v, k === "Article URL" && isWebUrl(m.article.url) ? m.article.url : null);

  w.heading("Summary");
  for (const [k, v] of summaryFacts(m)) w.fact(k, v);
  doc.moveDown(0.3);
  w.paragraph(UNSOURCED_NOTE, { size: 8.5, color: COLORS.muted });

  w.heading("Annotated text");
  annotatedText(w, m);

  w.heading("Claims");
  if (m.claims.length === 0) w.paragraph("No claims.");
  else w.group("L", () => m.claims.forEach((c) => claimBlock(w, c)));

  if (m.rejected.length) {
    w.heading(REJECTED_HEADING);
    w.paragraph(REJECTED_INTRO, { size: 8.5, color: COLORS.muted });
    w.group("L", () => m.rejected.forEach((r) => rejectionBlock(w, r)));
  }

  if (w.missing > 0) {
    doc.moveDown();
    w.paragraph(
      `${w.missing} characters are outside the embedded font (for example Korean) and are shown as ${MISSING_GLYPH}. The HTML report shows the full text.`,
      { size: 8.5, color: COLORS.muted },
    );
  }
  w.root.end();
  pageNumbers(doc);
  doc.end();
  return w.file;
}

/**
 * The article's text, each line as its kind draws it (./line-blocks.ts): a
 * subhead as an H3 in bold, quote lines as a BlockQuote of indented italic
 * paragraphs, list items as a list (L > LI > Lbl, LBody) with bullets, every
 * other line a P.
 */
function annotatedText(w: PdfWriter, m: ReportModel) {
  const verdicts = new Map(m.claims.map((c) => [c.number, c.verdict]));
  const blocks = lineBlocks(claimSegments(m.version.text, m.claims), m.version.lineKinds)
    .map((b) => ({ ...b, lines: b.lines.filter((para) => para.length > 0) }))
    .filter((b) => b.lines.length > 0);
  for (const b of blocks) {
    if (b.kind === "heading") {
      w.doc.moveDown(0.3);
      w.tag("H3", () => paragraphRuns(w, b.lines[0]!, verdicts, { font: "bold", size: 12 }));
    } else if (b.kind === "quote") {
      w.indented(16, () =>
        w.group("BlockQuote", () => b.lines.forEach((para) => w.tag("P", () => paragraphRuns(w, para, verdicts, { font: "italic" })))),
      );
    } else if (b.kind === "list") {
      w.indented(16, () =>
        w.group("L", () =>
          b.lines.forEach((para) =>
            w.group("LI", () => {
              w.label("•", 10);
              w.tag("LBody", () => paragraphRuns(w, para, verdicts));
            }),
          ),
        ),
      );
    } else w.tag("P", () => paragraphRuns(w, b.lines[0]!, verdicts));
    w.doc.moveDown(0.5);
  }
}

/** One line of the annotated text: each claim's words in its verdict's colour, underlined, and its number after it. */
function paragraphRuns(
  w: PdfWriter,
  para: ReturnType<typeof claimSegments>[number],
  verdicts: Map<number, ReportClaim["verdict"]>,
  base: Pick<Style, "font" | "size"> = {},
) {
  para.forEach((s, i) => {
    const last = i === para.length - 1;
    const innermost = s.claims.at(-1);
    const color = innermost !== undefined ? COLORS[verdicts.get(innermost)!] : COLORS.ink;
    w.write(s.text, { size: 10.5, ...base, color, underline: innermost !== undefined, continued: !last || s.ends.length > 0 });
    s.ends.forEach((n, j) => w.write(`[${n}]`, { font: "bold", size: 7, color: COLORS.muted, continued: !last || j < s.ends.length - 1 }));
  });
}

/** One claim: a list item whose body starts with a heading ("1. Disputed"), then the quote and the facts. */
function claimBlock(w: PdfWriter, c: ReportClaim) {
  w.group("LI", () => w.group("LBody", () => claimBody(w, c)));
}

function claimBody(w: PdfWriter, c: ReportClaim) {
  const doc = w.doc;
  doc.moveDown(0.6);
  w.tag("H3", () => {
    w.write(`${c.number}. `, { font: "bold", size: 11, continued: true });
    w.write(VERDICT_LABELS[c.verdict], { font: "bold", size: 11, color: COLORS[c.verdict] });
  });
  w.paragraph(c.exact.replace(/\n/g, " "), { font: "italic", size: 10, indent: 0 });
  const note = anchorNote(c);
  if (note) w.paragraph(note, { font: "bold", size: 9.5, color: COLORS.disputed });
  doc.moveDown(0.2);
  w.richFact("Rationale", c.rationaleHtml, c.rationaleText);
  if (c.evidence.length === 0) w.fact("Evidence", "None");
  for (const e of c.evidence)
    w.fact("Evidence", `${evidenceLine(e)}${isWebUrl(e.url) ? ` <${e.url}>` : ""}`, isWebUrl(e.url) ? e.url : null);
  const reviews = reviewsLine(c);
  if (reviews) w.fact("Reviewers", reviews);
  else if (c.author) w.fact("Marked by", `${c.author.name} (no review round)`);
  const decision = decisionLine(c);
  if (decision) w.fact("Disagreement and decision", decision);
}

function rejectionBlock(w: PdfWriter, r: ReportRejection) {
  w.group("LI", () => w.group("LBody", () => rejectionBody(w, r)));
}

function rejectionBody(w: PdfWriter, r: ReportRejection) {
  w.doc.moveDown(0.6);
  w.tag("H3", () => w.write(rejectionTitle(r), { font: "bold", size: 11 }));
  for (const v of r.reviews) {
    w.paragraph(v.exact.replace(/\n/g, " "), { font: "italic", size: 10 });
    w.paragraph(rejectedReviewLine(v), { size: 9.5 });
  }
  w.doc.moveDown(0.2);
  w.fact("Decision", rejectionDecisionLine(r));
  w.richFact("Rationale", r.decision.rationaleHtml, r.decision.rationaleText);
}

function pageNumbers(doc: PDFKit.PDFDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Page furniture, not content: a screen reader skips it.
    doc.markContent("Artifact", { type: "Pagination" });
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would start a new page; lift it for the footer.
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(8)
      .fillColor(COLORS.muted)
      .text(`Page ${i + 1} of ${range.count}`, doc.page.margins.left, doc.page.height - 36, {
        align: "center",
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
