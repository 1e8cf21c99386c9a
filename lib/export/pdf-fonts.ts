/**
 * Fonts for the PDF report. DejaVu Sans (from the dejavu-fonts-ttf package)
 * is embedded, so curly quotes, dashes, accents, Greek and Cyrillic print
 * and extract as real text. It has no Hangul or CJK glyphs: characters it
 * lacks go to an optional fallback font (CLAIMDESK_PDF_FALLBACK_FONT, a
 * TTF/OTF path such as Noto Sans CJK) and, without one, print as □ with a
 * note in the report, never as invisible or wrong glyphs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

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

/** Printed in place of a character that no embedded font has. */
export const MISSING_GLYPH = "□";

type FontkitFont = { hasGlyphForCodePoint(cp: number): boolean };

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
