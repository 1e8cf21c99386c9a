import { describe, expect, it } from "vitest";
import { diffWords, sideOf } from "./diff-words";

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join("");

describe("diffWords", () => {
  it("marks the changed words and gives back both texts exactly", () => {
    const oldText = "The visit is to strengthenRelations with US allies.\nSecond paragraph.";
    const newText = "The visit is to strengthen relations with US allies.\nSecond paragraph, corrected.";
    const parts = diffWords(oldText, newText);
    expect(join(sideOf(parts, "old"))).toBe(oldText);
    expect(join(sideOf(parts, "new"))).toBe(newText);
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toContain("strengthenRelations");
    expect(
      parts
        .filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join("|"),
    ).toMatch(/strengthen.*relations/);
    expect(parts.find((p) => p.kind === "added" && p.text.includes("corrected"))).toBeDefined();
  });

  it("shows a rewritten phrase as one removed and one added part", () => {
    const parts = diffWords(
      "He urged Seoul to send more military aid to Ukraine.",
      "He urged Seoul to deliver humanitarian supplies to Ukraine.",
    );
    expect(parts).toEqual([
      { kind: "same", text: "He urged Seoul to " },
      { kind: "removed", text: "send more military aid " },
      { kind: "added", text: "deliver humanitarian supplies " },
      { kind: "same", text: "to Ukraine." },
    ]);
  });

  it("returns one same part for identical texts", () => {
    expect(diffWords("Same text.", "Same text.")).toEqual([{ kind: "same", text: "Same text." }]);
  });
});
