import { describe, expect, it } from "vitest";
import { clusterAnnotations, type ClusterInput } from "./cluster-annotations";

const a = (id: string, reviewerId: string, start: number, end: number, verdict: ClusterInput["verdict"] = "verified"): ClusterInput => ({
  id,
  reviewerId,
  start,
  end,
  verdict,
});
const shape = (input: ClusterInput[]) =>
  clusterAnnotations(input).map((c) => ({ kind: c.kind, members: c.memberIds, span: [c.start, c.end] }));

describe("clusterAnnotations", () => {
  it("marks identical spans with identical verdicts as agreed", () => {
    expect(shape([a("x", "A", 10, 20), a("y", "B", 10, 20)])).toEqual([{ kind: "agreed", members: ["x", "y"], span: [10, 20] }]);
  });

  it("puts a nested span with the outer one: same verdict is boundary-only", () => {
    // "the minister said X" (0–19) and "X" (18–19) are one candidate claim, not two.
    expect(shape([a("outer", "A", 0, 19), a("inner", "B", 18, 19)])).toEqual([
      { kind: "boundary_only", members: ["outer", "inner"], span: [0, 19] },
    ]);
  });

  it("flags different verdicts as a verdict conflict, whatever the spans", () => {
    expect(shape([a("x", "A", 5, 15, "verified"), a("y", "B", 5, 15, "disputed")])[0]!.kind).toBe("verdict_conflict");
    expect(shape([a("x", "A", 5, 15, "verified"), a("y", "B", 8, 30, "unsourced")])[0]!.kind).toBe("verdict_conflict");
  });

  it("joins a chain A–B–C into one cluster even though A and C are disjoint", () => {
    const out = clusterAnnotations([a("a", "A", 0, 10), a("b", "B", 8, 20), a("c", "C", 18, 30)]);
    expect(out).toHaveLength(1);
    expect(out[0]!.memberIds).toEqual(["a", "b", "c"]);
    expect([out[0]!.start, out[0]!.end]).toEqual([0, 30]);
    expect(out[0]!.kind).toBe("boundary_only");
  });

  it("does not cluster spans that only touch (end == start shares no character)", () => {
    expect(shape([a("x", "A", 0, 10), a("y", "B", 10, 20)])).toEqual([
      { kind: "single_reviewer", members: ["x"], span: [0, 10] },
      { kind: "single_reviewer", members: ["y"], span: [10, 20] },
    ]);
    // One shared character is enough.
    expect(shape([a("x", "A", 0, 11), a("y", "B", 10, 20)])[0]!.members).toEqual(["x", "y"]);
  });

  it("never links a reviewer's own overlapping annotations to each other", () => {
    expect(shape([a("x", "A", 0, 10), a("y", "A", 5, 15)]).map((c) => c.kind)).toEqual(["single_reviewer", "single_reviewer"]);
  });

  it("counts a reviewer once: two of A's spans bridged by B make one boundary-only cluster with A's longest as representative", () => {
    const [c] = clusterAnnotations([a("a1", "A", 0, 10), a("a2", "A", 12, 30), a("b", "B", 5, 20)]);
    expect(c!.memberIds).toEqual(["a1", "b", "a2"]);
    expect(c!.reviewerIds).toEqual(["A", "B"]);
    expect(c!.representatives).toEqual({ A: "a2", B: "b" });
    expect(c!.kind).toBe("boundary_only");
  });

  it("is not agreed when one reviewer has two identical spans and nobody else does", () => {
    expect(shape([a("x", "A", 0, 10), a("y", "B", 0, 10), a("z", "B", 0, 10)])[0]!.kind).toBe("boundary_only");
  });

  it("numbers clusters in text order regardless of input order and ignores empty spans", () => {
    const out = clusterAnnotations([a("late", "A", 50, 60), a("early", "B", 1, 4), a("empty", "B", 7, 7)]);
    expect(out.map((c) => [c.number, c.memberIds[0]])).toEqual([
      [1, "early"],
      [2, "late"],
    ]);
  });
});
