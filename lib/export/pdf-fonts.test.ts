import { describe, expect, it } from "vitest";
import PDFDocument from "pdfkit";
import { PDF_FONTS, fontData, parsedFont } from "./pdf-fonts";

type Glyph = { id: number; _decode(): { numberOfContours: number } | null };
type Font = {
  layout(text: string): { glyphs: Glyph[] };
  getGlyph(id: number): Glyph;
  createSubset(): { includeGlyph(glyph: Glyph): number; encode(): Uint8Array };
};

/** The font as fontkit parses it, without {@link parsedFont}'s sharing. */
function freshFont(): Font {
  const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string }).registerFont("f", fontData("regular")).font("f");
  return (probe as unknown as { _font: { font: Font } })._font.font;
}

/** Accented capitals and ligature-like letters, which DejaVu Sans draws as composites of other glyphs. */
const TEXT = "Fact-check: “Łódź” Å Ǆ ǅ é è ê ë Ŝ ŝ Ÿ — naïve façade, Zürich 123.";

function subsetOf(font: Font): Uint8Array {
  const subset = font.createSubset();
  for (const g of font.layout(TEXT).glyphs) subset.includeGlyph(g);
  return subset.encode();
}

describe("fonts decode each glyph once", () => {
  it("embeds the same subset, byte for byte, however often it is built", () => {
    const shared = parsedFont(`test:${PDF_FONTS.regular}`, fontData("regular")) as unknown as Font;
    const reference = Buffer.from(subsetOf(freshFont()));
    // The first subset decodes the glyphs, the second reuses them.
    expect(Buffer.from(subsetOf(shared)).equals(reference)).toBe(true);
    expect(Buffer.from(subsetOf(shared)).equals(reference)).toBe(true);
  });

  it("keeps one decoded outline per glyph, composites included", () => {
    const shared = parsedFont(`test-outline:${PDF_FONTS.regular}`, fontData("regular")) as unknown as Font;
    const glyphs = shared.layout(TEXT).glyphs.map((g) => shared.getGlyph(g.id));
    expect(glyphs.some((g) => (g._decode()?.numberOfContours ?? 0) < 0)).toBe(true);
    for (const g of glyphs) expect(g._decode()).toBe(g._decode());
    // Unshared, fontkit decodes anew each time.
    const fresh = freshFont();
    const a = fresh.getGlyph(glyphs[0]!.id);
    expect(a._decode()).not.toBe(a._decode());
  });
});
