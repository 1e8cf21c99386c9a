import { describe, expect, it } from "vitest";
import { alignTexts, imageOf, mapPoint, mapSpan, mergeRanges } from "./text-alignment";
import type { Alignment } from "./alignment-types";

/** Every kept run really is the same text in both versions, and runs + inserted text cover the new text exactly once. */
function expectConsistent(al: Alignment, oldText: string, newText: string) {
  for (const r of [...al.runs, ...al.moves]) {
    expect(newText.slice(r.newStart, r.newStart + r.length)).toBe(oldText.slice(r.oldStart, r.oldStart + r.length));
  }
  for (let i = 1; i < al.runs.length; i++) {
    const a = al.runs[i - 1]!;
    const b = al.runs[i]!;
    expect(b.oldStart).toBeGreaterThanOrEqual(a.oldStart + a.length);
    expect(b.newStart).toBeGreaterThanOrEqual(a.newStart + a.length);
  }
  const covered = [...al.runs, ...al.moves].reduce((n, r) => n + r.length, 0) + al.inserted.reduce((n, [a, b]) => n + b - a, 0);
  expect(covered).toBe(newText.length);
}

const at = (text: string, phrase: string, occurrence = 0) => {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) i = text.indexOf(phrase, i + 1);
  if (i < 0) throw new Error(`no ${phrase}`);
  return [i, i + phrase.length] as const;
};

describe("alignTexts", () => {
  it("keeps everything of an unchanged text in one run", () => {
    const text = "One.\nTwo.\nThree.";
    const al = alignTexts(text, text);
    expect(al.runs).toEqual([{ oldStart: 0, newStart: 0, length: text.length }]);
    expect(al.inserted).toEqual([]);
  });

  it("diffs an edited paragraph word by word and keeps the rest", () => {
    const oldText = "The visit is to strengthenRelations with US allies.\nSecond paragraph.";
    const newText = "The visit is to strengthen relations with US allies.\nSecond paragraph.";
    const al = alignTexts(oldText, newText);
    expectConsistent(al, oldText, newText);
    const [s, e] = at(oldText, "with US allies");
    expect(mapSpan(al, s, e)).toEqual([s + 1, e + 1]);
    expect(mapSpan(al, ...at(oldText, "strengthenRelations"))).toBeNull();
    expect(mapSpan(al, ...at(oldText, "Second paragraph"))).toEqual([...at(newText, "Second paragraph")]);
  });

  it("treats text inserted at the edge of a span as outside it", () => {
    const oldText = "He visited Korea on Sunday.";
    const newText = "He visited South Korea on Sunday.";
    const al = alignTexts(oldText, newText);
    const [s, e] = at(oldText, "Korea");
    const mapped = mapSpan(al, s, e)!;
    expect(newText.slice(...mapped)).toBe("Korea");
  });

  it("records a paragraph moved unchanged as a move, with the line break between paragraphs that moved together", () => {
    const oldText = "Alpha one.\nBravo two.\nCharlie three.\nDelta four.\nEcho five.";
    const newText = "Alpha one.\nDelta four.\nEcho five.\nBravo two.\nCharlie three.";
    const al = alignTexts(oldText, newText);
    expectConsistent(al, oldText, newText);
    const [s, e] = at(oldText, "two.\nCharlie");
    expect(newText.slice(...mapSpan(al, s, e)!)).toBe("two.\nCharlie");
  });

  it("does not keep a lone space between two rewritten words", () => {
    const oldText = "arriving in South Korea on Sunday";
    const newText = "arriving in Seoul on Sunday";
    const al = alignTexts(oldText, newText);
    expectConsistent(al, oldText, newText);
    const [s, e] = at(oldText, "South Korea");
    expect(imageOf(al, s, e)).toEqual([]);
    expect(al.inserted.map(([a, b]) => newText.slice(a, b))).toEqual(["Seoul "]);
  });

  it("does not pair a deleted paragraph with an unrelated new one", () => {
    const oldText = "Keep this.\nNATO wants to create a new Cold War in Asia.\nKeep that.";
    const newText = "Keep this.\nThe weather in Tokyo was cold and grey all week.\nKeep that.";
    const al = alignTexts(oldText, newText);
    expectConsistent(al, oldText, newText);
    expect(imageOf(al, ...at(oldText, "NATO wants"))).toEqual([]);
    expect(al.inserted.map(([a, b]) => newText.slice(a, b))).toEqual(["The weather in Tokyo was cold and grey all week.\n"]);
  });

  it("maps a point in deleted text to where the deletion was", () => {
    const oldText = "Keep. Drop this sentence. Keep too.";
    const newText = "Keep. Keep too.";
    const al = alignTexts(oldText, newText);
    expect(mapPoint(al, oldText.indexOf("this"))).toBe(newText.indexOf("Keep too"));
    expect(mapPoint(al, oldText.indexOf("Keep too"))).toBe(newText.indexOf("Keep too"));
  });

  it("stays consistent under many random edits", () => {
    const words = "NATO South Korea Seoul visit the of and war Ukraine Japan said , . allies".split(" ");
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const paragraph = () => Array.from({ length: 5 + rand(20) }, () => words[rand(words.length)]).join(" ");
    for (let round = 0; round < 60; round++) {
      const paras = Array.from({ length: 2 + rand(6) }, paragraph);
      const next = paras.map((p) => (rand(3) === 0 ? p.replace(words[rand(words.length)]!, words[rand(words.length)]!) : p));
      if (rand(4) === 0) next.splice(rand(next.length), 0, paragraph());
      if (rand(4) === 0 && next.length > 1) next.push(next.splice(rand(next.length), 1)[0]!);
      const oldText = paras.join("\n");
      const newText = next.join("\n");
      expectConsistent(alignTexts(oldText, newText), oldText, newText);
    }
  });
});

describe("mergeRanges", () => {
  it("merges ranges that overlap or touch", () => {
    expect(
      mergeRanges([
        [5, 7],
        [0, 2],
        [2, 3],
        [6, 9],
      ]),
    ).toEqual([
      [0, 3],
      [5, 9],
    ]);
  });
});
