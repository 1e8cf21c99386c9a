import { describe, expect, it } from "vitest";
import { sameWords } from "./same-words";

const claim = (id: string, start: number, end: number, author: string, over: { deletedAt?: string; orphaned?: boolean } = {}) => ({
  id,
  start,
  end,
  author: { id: author },
  deletedAt: over.deletedAt ?? null,
  anchorState: over.orphaned ? ("orphaned" as const) : ("anchored" as const),
});
const span = { start: 10, end: 25 };

describe("sameWords", () => {
  it("finds the viewer's own claim on exactly the selected words, before anyone else's", () => {
    const mine = claim("m", 10, 25, "me");
    expect(sameWords(span, [claim("a", 10, 25, "ann"), mine], [], "me")).toEqual({ kind: "own", claim: mine });
  });

  it("lists teammates' claims on the same words when the viewer has none", () => {
    const ann = claim("a", 10, 25, "ann");
    const ben = claim("b", 10, 25, "ben");
    expect(sameWords(span, [ann, claim("c", 10, 26, "cat"), ben], [], "me")).toEqual({ kind: "others", claims: [ann, ben] });
  });

  it("says the viewer's tag of these words is on its way while its draft is pending, and not once it failed", () => {
    expect(sameWords(span, [], [{ start: 10, end: 25, state: "pending" }], "me")).toEqual({ kind: "saving" });
    expect(sameWords(span, [], [{ start: 10, end: 25, state: "failed" }], "me")).toEqual({ kind: "new" });
  });

  it("is new for words only overlapping, nested in or holding a claim, and ignores deleted and orphaned claims", () => {
    const around = [claim("o", 9, 25, "me"), claim("i", 11, 24, "me"), claim("x", 0, 12, "me")];
    expect(sameWords(span, around, [{ start: 10, end: 24, state: "pending" }], "me")).toEqual({ kind: "new" });
    const gone = [claim("d", 10, 25, "me", { deletedAt: "2026-12-01T10:00:00.000Z" }), claim("o", 10, 25, "ann", { orphaned: true })];
    expect(sameWords(span, gone, [], "me")).toEqual({ kind: "new" });
  });

  it("without a known viewer, counts every claim as a teammate's", () => {
    const ann = claim("a", 10, 25, "ann");
    expect(sameWords(span, [ann], [], null)).toEqual({ kind: "others", claims: [ann] });
  });
});
