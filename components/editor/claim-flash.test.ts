import { describe, expect, it } from "vitest";
import { lineBoxes } from "./claim-flash";

const box = (top: number, left: number, right: number, bottom = top + 20) => ({ top, left, right, bottom });

describe("lineBoxes", () => {
  it("makes one box per line of a claim split by nested claims, and drops empty fragments", () => {
    // Line 1: the claim's own mark; line 2: its mark, a nested claim's mark inside it, its mark again; line 3: an empty fragment.
    const rects = [box(40, 0, 120), box(10, 300, 600), box(40, 120, 180), box(40, 180.5, 400), box(70, 0, 0)];
    expect(lineBoxes(rects)).toEqual([box(10, 300, 600), box(40, 0, 400)]);
  });

  it("keeps apart fragments on one line that do not touch (a claim over two separate runs)", () => {
    expect(lineBoxes([box(0, 0, 50), box(0, 80, 120)])).toEqual([box(0, 0, 50), box(0, 80, 120)]);
  });
});
