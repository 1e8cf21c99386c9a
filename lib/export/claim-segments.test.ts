import { describe, expect, it } from "vitest";
import { claimSegments } from "./claim-segments";

const flat = (paras: ReturnType<typeof claimSegments>) => paras.map((p) => p.map((s) => [s.text, s.claims, s.starts, s.ends]));

describe("claimSegments", () => {
  it("cuts overlapping claims into runs without losing or repeating text", () => {
    const text = "Alpha beta gamma delta";
    const paras = claimSegments(text, [
      { number: 1, start: 0, end: 10 }, // "Alpha beta"
      { number: 2, start: 6, end: 16 }, // "beta gamma"
    ]);
    expect(flat(paras)).toEqual([
      [
        ["Alpha ", [1], [1], []],
        ["beta", [1, 2], [2], [1]],
        [" gamma", [2], [], [2]],
        [" delta", [], [], []],
      ],
    ]);
    expect(paras[0]!.map((s) => s.text).join("")).toBe(text);
  });

  it("splits paragraphs and carries a claim across a line break", () => {
    const paras = claimSegments("One two.\nThree four.", [{ number: 1, start: 4, end: 14 }]);
    expect(flat(paras)).toEqual([
      [
        ["One ", [], [], []],
        ["two.", [1], [1], []],
      ],
      [
        ["Three", [1], [], [1]],
        [" four.", [], [], []],
      ],
    ]);
  });

  it("counts offsets in code points", () => {
    const paras = claimSegments("𝕏 café 𝕏 end", [{ number: 1, start: 2, end: 6 }]);
    expect(flat(paras)[0]![1]).toEqual(["café", [1], [1], [1]]);
  });

  it("moves the anchor and number of a claim that starts or ends on a line break to printed text", () => {
    const paras = claimSegments("Ab\ncd", [
      { number: 1, start: 1, end: 3 },
      { number: 2, start: 2, end: 4 },
    ]);
    expect(flat(paras)).toEqual([
      [
        ["A", [], [], []],
        ["b", [1], [1], [1]],
      ],
      [
        ["c", [2], [2], [2]],
        ["d", [], [], []],
      ],
    ]);
  });
});
