import { describe, expect, it } from "vitest";
import { MAX_PIECE, MAX_UNBROKEN_RUN, pdfTextPieces } from "./pdf-text-pieces";

/** The longest run of code points without whitespace in `s`. */
const longestRun = (s: string) => Math.max(0, ...s.split(/\s/u).map((w) => [...w].length));

describe("pdfTextPieces", () => {
  it("leaves text of normal words whole", () => {
    const text = "NATO Secretary-General Jens Stoltenberg arrived in Seoul on Sunday, January 29, before heading to Japan.";
    expect(pdfTextPieces(text)).toEqual([text]);
    expect(pdfTextPieces("")).toEqual([""]);
  });

  it("cuts a run without spaces into pieces of at most MAX_UNBROKEN_RUN code points, losing nothing", () => {
    const text = `before ${"abcdefghij".repeat(100)} after`;
    const pieces = pdfTextPieces(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces.length).toBeGreaterThan(1000 / MAX_UNBROKEN_RUN);
    for (const p of pieces) expect(longestRun(p)).toBeLessThanOrEqual(MAX_UNBROKEN_RUN);
    // The words around the run stay whole.
    expect(pieces[0]!.startsWith("before ")).toBe(true);
    expect(pieces.at(-1)!.endsWith(" after")).toBe(true);
  });

  it("counts code points and never splits a surrogate pair", () => {
    const text = "😀".repeat(MAX_UNBROKEN_RUN * 3 + 5);
    const pieces = pdfTextPieces(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces.map((p) => [...p].length)).toEqual([MAX_UNBROKEN_RUN, MAX_UNBROKEN_RUN, MAX_UNBROKEN_RUN, 5]);
    for (const p of pieces) expect(p.isWellFormed()).toBe(true);
  });

  it("cuts a long paragraph after a whitespace every MAX_PIECE units, never inside a word", () => {
    const words = Array.from({ length: 5000 }, (_, i) => `word${i}`);
    const text = words.join(" ");
    const pieces = pdfTextPieces(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces.length).toBeGreaterThan(text.length / (MAX_PIECE + 20));
    for (const p of pieces.slice(0, -1)) {
      expect(p.length).toBeLessThan(MAX_PIECE + 20);
      expect(p.endsWith(" ")).toBe(true);
    }
    expect(pieces.flatMap((p) => p.split(" ").filter(Boolean))).toEqual(words);
  });
});
