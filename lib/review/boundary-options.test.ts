import { describe, expect, it } from "vitest";
import { boundaryOptions, shortenMiddle } from "./boundary-options";
import { findPhrase } from "@/seeds/evidence-factories";

const TEXT =
  "South Korea has already signed major agreements to supply hundreds of tanks, fighter jets and weapons to NATO member Poland since the war began.";
const member = (id: string, name: string, phrase: string) => ({ annotationId: id, reviewer: { name }, ...findPhrase(TEXT, phrase) });

describe("boundaryOptions", () => {
  it("tells two spans that start alike apart by the words that differ", () => {
    const [ann, ben, union, inter] = boundaryOptions(TEXT, [
      member("a", "Ann", "major agreements to supply hundreds of tanks, fighter jets"),
      member("b", "Ben", "major agreements to supply hundreds of tanks, fighter jets and weapons to NATO member Poland"),
    ]);
    expect(ann).toMatchObject({ value: "a", label: "Ann’s span", lead: "", tail: "" });
    expect(ben).toMatchObject({ value: "b", label: "Ben’s span", lead: "", tail: " and weapons to NATO member Poland" });
    // The shared words are shortened in the middle, the same in every option.
    expect(ann!.core).toBe("major agreements to … tanks, fighter jets");
    expect(ben!.core).toBe(ann!.core);
    expect(union).toMatchObject({ value: "union", tail: " and weapons to NATO member Poland" });
    expect(inter).toMatchObject({ value: "intersection", lead: "", tail: "", empty: false });
  });

  it("gives reviewers who marked the same span one option, and words on both sides to the union", () => {
    const opts = boundaryOptions(TEXT, [
      member("a", "Ann", "tanks, fighter jets"),
      member("b", "Ben", "tanks, fighter jets"),
      member("c", "Cy", "hundreds of tanks, fighter jets and weapons"),
    ]);
    expect(opts.map((o) => o.label)).toEqual([
      "Ann and Ben’s span",
      "Cy’s span",
      "Union of all spans",
      "Intersection (characters all spans share)",
    ]);
    expect(opts[1]).toMatchObject({ lead: "hundreds of ", core: "tanks, fighter jets", tail: " and weapons" });
  });

  it("has no intersection when the spans share nothing", () => {
    const opts = boundaryOptions(TEXT, [member("a", "Ann", "South Korea"), member("b", "Ben", "NATO member Poland")]);
    expect(opts.at(-1)).toMatchObject({ value: "intersection", empty: true });
    expect(opts[0]).toMatchObject({ core: "South Korea", lead: "", tail: "" });
  });

  it("shortens by code points, never splitting a character", () => {
    expect(shortenMiddle("😀".repeat(50), 9)).toBe("😀😀😀😀 … 😀😀😀😀");
    expect(shortenMiddle("short", 9)).toBe("short");
  });
});
