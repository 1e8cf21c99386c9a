import { readFileSync } from "node:fs";
import { Schema, type Node as PmNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { splitParagraphs } from "./normalize-text";
import { codePointLength, sliceCodePoints } from "./offsets";
import { TextPmMap } from "./prosemirror-positions";
import { importArticleText } from "./strip-furniture";

// Lines: 'ab' | 'cd𝕏e' (4 code points, 5 UTF-16 units) | 'f'
const TEXT = "ab\ncd𝕏e\nf";

/** The document an editor builds from canonical text: one paragraph per line. */
const schema = new Schema({
  nodes: { doc: { content: "paragraph+" }, paragraph: { content: "text*" }, text: {} },
});
function buildDoc(canonical: string): PmNode {
  return schema.node(
    "doc",
    null,
    splitParagraphs(canonical).map((line) => schema.node("paragraph", null, line ? [schema.text(line)] : [])),
  );
}

/** The article viewer's document: the paragraphs in groups of `size` lines (`lines` nodes). */
const grouped = new Schema({
  nodes: { doc: { content: "lines+" }, lines: { content: "paragraph+" }, paragraph: { content: "text*" }, text: {} },
});
function buildGroupedDoc(canonical: string, size: number): PmNode {
  const paragraphs = splitParagraphs(canonical).map((line) => grouped.node("paragraph", null, line ? [grouped.text(line)] : []));
  const groups: PmNode[] = [];
  for (let i = 0; i < paragraphs.length; i += size) groups.push(grouped.node("lines", null, paragraphs.slice(i, i + size)));
  return grouped.node("doc", null, groups);
}

/** Every offset maps to a position and back, and the real doc's text before that position is the text before the offset. */
function expectAgreement(canonical: string, doc: PmNode, map: TextPmMap) {
  expect(map.contentSize).toBe(doc.content.size);
  const length = codePointLength(canonical);
  for (let cp = 0; cp <= length; cp++) {
    const pos = map.cpToPm(cp);
    expect(map.pmToCp(pos)).toBe(cp);
    if (cp % 97 === 0 || cp > length - 20) expect(doc.textBetween(0, pos, "\n")).toBe(sliceCodePoints(canonical, 0, cp));
  }
  // Every position of the doc maps to the text before it (between paragraphs and groups: up to the '\n' that ends the line).
  // (Inside a surrogate pair the doc's text ends with half a character, and the map gives the character's start.)
  for (let pos = 0; pos <= doc.content.size; pos++) {
    const before = doc.textBetween(0, pos, "\n");
    if (!/[\uD800-\uDBFF]$/.test(before)) expect(sliceCodePoints(canonical, 0, map.pmToCp(pos))).toBe(before);
  }
}

describe("TextPmMap", () => {
  const map = new TextPmMap(TEXT);

  it("maps code point offsets to PM positions (u + 1 + paragraph index)", () => {
    // cp:   0 1 2 | 3 4 5(𝕏) 6 7 | 8 9
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((cp) => map.cpToPm(cp))).toEqual([1, 2, 3, 5, 6, 7, 9, 10, 12, 13]);
    expect(map.contentSize).toBe(buildDoc(TEXT).content.size);
  });

  it("maps PM positions back, including paragraph boundaries", () => {
    expect(map.pmToCp(3)).toBe(2); // end of paragraph 0 -> the '\n'
    expect(map.pmToCp(4)).toBe(2); // between paragraphs -> the '\n'
    expect(map.pmToCp(5)).toBe(3); // start of paragraph 1 -> after the '\n'
    expect(map.pmToCp(8)).toBe(5); // inside the surrogate pair -> its start
    expect(map.pmToCp(11)).toBe(7);
    expect(map.pmToCp(12)).toBe(8);
  });

  it("clamps positions outside the text", () => {
    expect([-5, 0, 1].map((pos) => map.pmToCp(pos))).toEqual([0, 0, 0]);
    expect([13, 14, 100].map((pos) => map.pmToCp(pos))).toEqual([9, 9, 9]);
    expect(map.cpToPm(-1)).toBe(1);
    expect(map.cpToPm(100)).toBe(13);
  });

  it("maps a span across two paragraphs, and the bare line break", () => {
    const from = map.cpToPm(1);
    const to = map.cpToPm(4);
    expect([from, to]).toEqual([2, 6]);
    expect(buildDoc(TEXT).textBetween(from, to, "\n")).toBe(sliceCodePoints(TEXT, 1, 4));
    expect([map.pmToCp(from), map.pmToCp(to)]).toEqual([1, 4]);
    // End of paragraph 0 to start of paragraph 1 is exactly the '\n'.
    expect(sliceCodePoints(TEXT, map.pmToCp(3), map.pmToCp(5))).toBe("\n");
  });

  it("handles the empty text as one empty paragraph", () => {
    const empty = new TextPmMap("");
    expect(empty.cpToPm(0)).toBe(1);
    expect(empty.pmToCp(1)).toBe(0);
    expect(empty.contentSize).toBe(buildDoc("").content.size);
  });

  it("reads the text between two positions in paragraphs from the canonical text, as the document has it", () => {
    // Ungrouped, and in groups of 1 and 2 lines (the article viewer's document).
    for (const [doc, m] of [
      [buildDoc(TEXT), map],
      [buildGroupedDoc(TEXT, 1), new TextPmMap(TEXT, 1)],
      [buildGroupedDoc(TEXT, 2), new TextPmMap(TEXT, 2)],
    ] as const) {
      // Positions in a paragraph's text (not before its opening token), as cpToPm gives them.
      const inText: number[] = [];
      doc.descendants((node, pos) => {
        if (node.isTextblock) for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) inText.push(p);
        return !node.isTextblock;
      });
      for (const a of inText)
        for (const b of inText.filter((p) => p >= a))
          expect(TEXT.slice(m.pmToUtf16(a), m.pmToUtf16(b)), `${a}-${b}`).toBe(doc.textBetween(a, b, "\n"));
    }
  });

  it("agrees with a real ProseMirror document built from a seed article", () => {
    const canonical = `${
      importArticleText(readFileSync(new URL("../../seeds/articles/004_9860bfa2709a7987.txt", import.meta.url), "utf8")).text
    }\n서울 😀 𝕏 “end”`;
    expectAgreement(canonical, buildDoc(canonical), new TextPmMap(canonical));
  });

  describe("with the lines in groups (the article viewer's document)", () => {
    const seed = importArticleText(readFileSync(new URL("../../seeds/articles/004_9860bfa2709a7987.txt", import.meta.url), "utf8")).text;
    const canonical = `${seed}\n\n서울 😀 𝕏 “end”`;

    it("agrees with a real document, whether the last group is full or not", () => {
      const lines = splitParagraphs(canonical).length;
      for (const size of [1, 2, 3, lines, lines + 1])
        expectAgreement(canonical, buildGroupedDoc(canonical, size), new TextPmMap(canonical, size));
    });

    it("maps the small text: two group tokens per group before a line, one more for its own group's opening", () => {
      const g = new TextPmMap(TEXT, 2);
      // Group 0 holds 'ab' and 'cd𝕏e', group 1 holds 'f'.
      expect([0, 2, 3, 8, 9].map((cp) => g.cpToPm(cp))).toEqual([2, 4, 6, 15, 16]);
      expect(g.contentSize).toBe(buildGroupedDoc(TEXT, 2).content.size);
      // After paragraph 1's text: its closing token, group 0's closing, group 1's opening, paragraph 2's opening.
      expect([11, 12, 13, 14, 15].map((pos) => g.pmToCp(pos))).toEqual([7, 7, 7, 7, 8]);
      expect([0, 1, 2, 16, 17, 18, 100].map((pos) => g.pmToCp(pos))).toEqual([0, 0, 0, 9, 9, 9, 9]);
    });
  });
});
