import { describe, expect, it } from "vitest";
import { resolveBoundary } from "./resolve-boundary";

const members = [
  { id: "a", start: 0, end: 10 },
  { id: "b", start: 5, end: 20 },
];

describe("resolveBoundary", () => {
  it("takes one reviewer's span, the union or the intersection", () => {
    expect(resolveBoundary(members, "b")).toEqual({ ok: true, start: 5, end: 20 });
    expect(resolveBoundary(members, "union")).toEqual({ ok: true, start: 0, end: 20 });
    expect(resolveBoundary(members, "intersection")).toEqual({ ok: true, start: 5, end: 10 });
  });

  it("refuses an empty intersection (a chain whose ends are disjoint) and a stranger's id", () => {
    const chain = [...members, { id: "c", start: 15, end: 30 }];
    expect(resolveBoundary(chain, "intersection")).toMatchObject({ ok: false, field: "boundary" });
    expect(resolveBoundary(members, "zzz")).toMatchObject({ ok: false, field: "boundary" });
  });

  it("accepts a custom span only when it overlaps the cluster", () => {
    expect(resolveBoundary(members, "custom", { start: 8, end: 25 })).toEqual({ ok: true, start: 8, end: 25 });
    expect(resolveBoundary(members, "custom", { start: 20, end: 25 })).toMatchObject({ ok: false, field: "start" });
    expect(resolveBoundary(members, "custom", { start: 8 })).toMatchObject({ ok: false, field: "end" });
  });
});
