import { describe, expect, it } from "vitest";
import { carryLineKinds, readLineKinds, storedLineKinds } from "./line-kinds";

describe("line kinds", () => {
  it("stores none when every line is a paragraph, and reads back only a well-formed array of one kind per line", () => {
    expect(storedLineKinds(["paragraph", "paragraph"])).toBeNull();
    expect(storedLineKinds(["heading", "paragraph"])).toEqual(["heading", "paragraph"]);
    expect(readLineKinds(["heading", "paragraph"], 2)).toEqual(["heading", "paragraph"]);
    expect(readLineKinds(["heading"], 2)).toBeNull();
    expect(readLineKinds(["heading", "banner"], 2)).toBeNull();
    expect(readLineKinds(null, 2)).toBeNull();
    expect(readLineKinds({ 0: "heading" }, 1)).toBeNull();
  });

  it("carries each unchanged line's kind into a correction; edited and new lines are paragraphs", () => {
    const before = "Title\nFirst paragraph.\nSubhead\nItem one\nItem one";
    const kinds = carryLineKinds(
      before,
      ["heading", "paragraph", "heading", "list-item", "quote"],
      "Title\nNew line.\nSubhead, edited\nItem one\nItem one\nItem one",
    );
    expect(kinds).toEqual(["heading", "paragraph", "paragraph", "list-item", "quote", "paragraph"]);
    expect(carryLineKinds(before, null, "Title")).toBeNull();
    expect(carryLineKinds("Title\nBody", ["heading", "paragraph"], "Retitled\nBody")).toBeNull();
  });
});
