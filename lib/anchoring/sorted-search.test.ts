import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerBound, partitionPoint, segmentAt, upperBound } from "./sorted-search";

/** An ascending list with repeats (the searches must handle ties) and a value near its range. */
const sortedAndValue = fc
  .tuple(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), fc.integer({ min: -60, max: 60 }))
  .map(([xs, v]) => [xs.sort((a, b) => a - b), v] as const);

/** The answers by linear scan, the definitions the binary searches must meet. */
const firstIndex = (xs: readonly number[], pred: (x: number) => boolean) => {
  const i = xs.findIndex(pred);
  return i === -1 ? xs.length : i;
};

describe("sorted-search", () => {
  it("lowerBound is the first index with an element >= value", () => {
    fc.assert(
      fc.property(sortedAndValue, ([xs, v]) => {
        expect(lowerBound(xs, v)).toBe(firstIndex(xs, (x) => x >= v));
      }),
    );
  });

  it("upperBound is the first index with an element > value", () => {
    fc.assert(
      fc.property(sortedAndValue, ([xs, v]) => {
        expect(upperBound(xs, v)).toBe(firstIndex(xs, (x) => x > v));
      }),
    );
  });

  it("segmentAt is the last index with an element <= value, 0 when there is none", () => {
    fc.assert(
      fc.property(sortedAndValue, ([xs, v]) => {
        let last = 0;
        xs.forEach((x, i) => {
          if (x <= v) last = i;
        });
        expect(segmentAt(xs, v)).toBe(last);
      }),
    );
  });

  it("partitionPoint finds where a predicate over objects stops holding", () => {
    fc.assert(
      fc.property(sortedAndValue, ([xs, v]) => {
        const runs = xs.map((start) => ({ start }));
        expect(partitionPoint(runs, (r) => r.start <= v)).toBe(firstIndex(xs, (x) => x > v));
      }),
    );
  });

  it("answers on the edges: an empty list, and values below and above every element", () => {
    expect([lowerBound([], 3), upperBound([], 3), segmentAt([], 3)]).toEqual([0, 0, 0]);
    expect([lowerBound([0, 5, 5, 9], 5), upperBound([0, 5, 5, 9], 5), segmentAt([0, 5, 5, 9], 5)]).toEqual([1, 3, 2]);
    expect([segmentAt([0, 5, 9], -1), segmentAt([0, 5, 9], 100)]).toEqual([0, 2]);
  });
});
