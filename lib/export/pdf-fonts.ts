/**
 * Fonts for the PDF report. DejaVu Sans (from the dejavu-fonts-ttf package)
 * is embedded, so curly quotes, dashes, accents, Greek and Cyrillic print
 * and extract as real text. It has no Hangul or CJK glyphs: characters it
 * lacks go to a fallback font, by default Noto Sans KR (from
 * @expo-google-fonts/noto-sans-kr: Hangul, the Hanja of Korean text and
 * Japanese kana, which a desk covering Seoul and Tokyo meets), or the TTF/OTF
 * that CLAIMDESK_PDF_FALLBACK_FONT names. Characters neither font has print
 * as □ with a note in the report, never as invisible or wrong glyphs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

const DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

export const PDF_FONTS = {
  regular: path.join(DIR, "DejaVuSans.ttf"),
  bold: path.join(DIR, "DejaVuSans-Bold.ttf"),
  italic: path.join(DIR, "DejaVuSans-Oblique.ttf"),
} as const;

export type PdfFontName = keyof typeof PDF_FONTS;

const loaded = new Map<PdfFontName, Buffer>();

/** The font file's bytes, read once per process. */
export function fontData(name: PdfFontName): Buffer {
  let data = loaded.get(name);
  if (!data) loaded.set(name, (data = readFileSync(PDF_FONTS[name])));
  return data;
}

/** A font as fontkit parsed it: what pdfkit lays text out with. */
export type ParsedFont = { hasGlyphForCodePoint(cp: number): boolean; layout(text: string): unknown };

const parsedFonts = new Map<string, ParsedFont>();

/**
 * `data` parsed once per process, by pdfkit's own font loader: pdfkit takes
 * a parsed font in place of the file's bytes, and would otherwise parse
 * every table of the font again for each document (a third of the time of
 * a small PDF, so most of a ZIP of a hundred). Documents share it safely:
 * each keeps its own subset and layout cache.
 */
export function parsedFont(key: string, data: Buffer): ParsedFont {
  let font = parsedFonts.get(key);
  if (!font) {
    const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string }).registerFont(key, data).font(key);
    font = (probe as unknown as { _font: { font: ParsedFont } })._font.font;
    decodeGlyphsOnce(font as unknown as GlyphSource);
    parsedFonts.set(key, font);
  }
  return font;
}

/** A fontkit font as far as {@link decodeGlyphsOnce} uses it. */
type GlyphSource = { getGlyph(id: number, characters?: number[]): { _decode(): unknown } | null };

/**
 * Each glyph's outline decoded once per process, not once per document.
 * pdfkit embeds a subset of each font in every PDF, and fontkit's subsetter
 * decodes every glyph it copies (all its points) only to learn whether it is
 * a composite of others; that was about an eighth of a team PDF's time (490 ms
 * of 4 s for 100 reports). fontkit keeps one glyph object per glyph of a font
 * (`getGlyph`), and a glyph's outline never changes, so the decoded outline
 * is kept on it. Nothing in fontkit changes a decoded outline (its path and
 * subset code only read it); ./pdf-fonts.test.ts checks that subsets come
 * out byte for byte the same.
 */
export function decodeGlyphsOnce(font: GlyphSource) {
  const getGlyph = font.getGlyph;
  font.getGlyph = function (this: GlyphSource, id, characters) {
    const glyph = getGlyph.call(this, id, characters);
    if (glyph && !Object.hasOwn(glyph, "_decode")) {
      const decode = glyph._decode;
      let outline: unknown;
      let decoded = false;
      glyph._decode = function (this: unknown) {
        if (!decoded) {
          outline = decode.call(this);
          decoded = true;
        }
        return outline;
      };
    }
    return glyph;
  };
}

/** The fallback font shipped with the project. pdfkit embeds only the glyphs a report uses. */
export const DEFAULT_FALLBACK_FONT = path.join(
  process.cwd(),
  "node_modules",
  "@expo-google-fonts",
  "noto-sans-kr",
  "400Regular",
  "NotoSansKR_400Regular.ttf",
);

/** The fallback font file for PDF reports: CLAIMDESK_PDF_FALLBACK_FONT, else the shipped Noto Sans KR. */
export function pdfFallbackFont(): string {
  return process.env.CLAIMDESK_PDF_FALLBACK_FONT || DEFAULT_FALLBACK_FONT;
}

const fallbacks = new Map<string, Buffer | null>();

/**
 * The fallback font's bytes, read and tried once per process, or null when
 * the file is missing, unreadable or not a single font pdfkit can embed (a
 * .ttc collection is not). A bad setting is logged once and the PDF goes on
 * without it (□ for what DejaVu lacks): a misconfigured font must not turn
 * every PDF report into a 500.
 */
export function fallbackFontData(file: string): Buffer | null {
  if (fallbacks.has(file)) return fallbacks.get(file)!;
  let data: Buffer | null = null;
  try {
    // An operator-given path outside the project: nothing for the bundler to trace.
    data = readFileSync(/*turbopackIgnore: true*/ file);
    // Parsing it now, as the report will, tells a usable font from a bad file.
    parsedFont(`fallback:${file}`, data);
  } catch (error) {
    console.warn(
      `CLAIMDESK_PDF_FALLBACK_FONT is not usable (${file}): ${(error as Error).message}. PDF reports print ${MISSING_GLYPH} for characters DejaVu Sans lacks.`,
    );
    data = null;
  }
  fallbacks.set(file, data);
  return data;
}

/** Printed in place of a character that no embedded font has. */
export const MISSING_GLYPH = "□";

type FontkitFont = { hasGlyphForCodePoint(cp: number): boolean };

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Splits text into runs that the main font can print and runs it cannot,
 * asking the embedded font itself (pdfkit's fontkit object) about each code point.
 */
export class GlyphCoverage {
  private readonly cache = new Map<number, boolean>();
  constructor(private readonly font: FontkitFont | undefined) {}

  static of(doc: PDFKit.PDFDocument): GlyphCoverage {
    return new GlyphCoverage((doc as unknown as { _font?: { font?: FontkitFont } })._font?.font);
  }

  has(cp: number): boolean {
    if (cp < 0x80 || !this.font) return true;
    let hit = this.cache.get(cp);
    if (hit === undefined) {
      hit = this.font.hasGlyphForCodePoint(cp);
      this.cache.set(cp, hit);
    }
    return hit;
  }

  /** Runs of covered and uncovered characters, in order. */
  runs(text: string): { text: string; covered: boolean }[] {
    // Most runs are ASCII, which every font here covers: no need to ask per character.
    if (!NON_ASCII.test(text)) return text ? [{ text, covered: true }] : [];
    const out: { text: string; covered: boolean }[] = [];
    for (const ch of text) {
      const covered = /\s/.test(ch) || this.has(ch.codePointAt(0)!);
      const last = out.at(-1);
      if (last && last.covered === covered) last.text += ch;
      else out.push({ text: ch, covered });
    }
    return out;
  }
}
