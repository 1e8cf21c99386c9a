import { diffArrays } from "diff";
import { describe, expect, it } from "vitest";
import { diffParagraphs, type ParagraphChunk } from "./paragraph-diff";
import { UNLIMITED_BUDGET } from "./reanchor-budget";

/** jsdiff's own paragraph diff, in the same shape, for comparison. */
const plain = (a: string[], b: string[]): ParagraphChunk[] =>
  diffArrays(a, b).map((c) => ({ removed: !!c.removed, added: !!c.added, count: c.count ?? c.value.length }));

/** Kept paragraphs of a diff, as [old index, new index] pairs. */
function kept(chunks: ParagraphChunk[]): [number, number][] {
  const out: [number, number][] = [];
  let o = 0;
  let n = 0;
  for (const c of chunks) {
    if (c.removed) o += c.count;
    else if (c.added) n += c.count;
    else for (let i = 0; i < c.count; i++) out.push([o++, n++]);
  }
  return out;
}

describe("diffParagraphs", () => {
  it("keeps the same paragraphs as a plain diff of every paragraph", () => {
    const a = ["Title.", "One.", "Two.", "Three.", "Four.", "Five."];
    const cases = [
      ["Title.", "One!", "Two.", "New.", "Three.", "Five."],
      ["New title.", "Two.", "One.", "Three.", "Four.", "Five.", "Six."],
      ["Five.", "Title.", "One."],
      [],
      a,
    ];
    for (const b of cases) {
      const ours = diffParagraphs(a, b, UNLIMITED_BUDGET)!;
      expect(kept(ours), JSON.stringify(b)).toEqual(kept(plain(a, b)));
      const count = (f: (c: ParagraphChunk) => boolean) => ours.filter(f).reduce((s, c) => s + c.count, 0);
      expect(count((c) => !c.added)).toBe(a.length);
      expect(count((c) => !c.removed)).toBe(b.length);
    }
  });

  it("diffs a text with every paragraph edited without running the quadratic diff", () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i} as first published.`);
    const b = a.map((p) => p.replace("first", "later"));
    const t0 = performance.now();
    expect(diffParagraphs(a, b, UNLIMITED_BUDGET)).toEqual([
      { removed: true, added: false, count: 20_000 },
      { removed: false, added: true, count: 20_000 },
    ]);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});
