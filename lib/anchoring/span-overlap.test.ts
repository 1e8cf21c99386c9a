import { describe, expect, it } from "vitest";
import { spanOverlapIndex } from "./span-overlap";

describe("spanOverlapIndex", () => {
  it("answers as a scan of every span would, half-open spans included", () => {
    let seed = 3;
    const rand = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * n);
    const spans = Array.from({ length: 200 }, () => {
      const start = rand(5000);
      return { start, end: start + 1 + rand(60) };
    });
    const overlaps = spanOverlapIndex(spans);
    for (let i = 0; i < 2000; i++) {
      const start = rand(5100);
      const end = start + rand(40);
      expect(overlaps(start, end), `${start}-${end}`).toBe(spans.some((c) => c.start < end && start < c.end));
    }
    // Touching ends do not overlap; an empty set overlaps nothing.
    expect(spanOverlapIndex([{ start: 10, end: 20 }])(20, 30)).toBe(false);
    expect(spanOverlapIndex([{ start: 10, end: 20 }])(0, 10)).toBe(false);
    expect(spanOverlapIndex([])(0, 10)).toBe(false);
  });
});
