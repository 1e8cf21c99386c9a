import { describe, expect, it } from "vitest";
import { boundaryOptions, listedBoundary, shortenMiddle } from "./boundary-options";
import { findPhrase } from "@/seeds/evidence-factories";

const TEXT =
  "South Korea has already signed major agreements to supply hundreds of tanks, fighter jets and weapons to NATO member Poland since the war began.";
const member = (id: string, name: string, phrase: string) => ({ annotationId: id, reviewer: { name }, ...findPhrase(TEXT, phrase) });

describe("boundaryOptions", () => {
  it("tells two spans that start alike apart by the words that differ", () => {
    const [ann, ben, union, inter] = boundaryOptions(TEXT, [
      member("a", "Ann", "major agreements to supply hundreds of tanks, fighter jets"),
      member("b", "Ben", "major agreements to supply hundreds of tanks, fighter jets and weapons"),
      member("c", "Cy", "major agreements to supply hundreds of tanks, fighter jets and weapons to NATO member Poland"),
    ]);
    expect(ann).toMatchObject({ value: "a", label: "Ann’s span (the intersection)", lead: "", tail: "" });
    expect(ben).toMatchObject({ value: "b", label: "Ben’s span", lead: "", tail: " and weapons" });
    // The shared words are shortened in the middle, the same in every option.
    expect(ann!.core).toBe("major agreements to … tanks, fighter jets");
    expect(ben!.core).toBe(ann!.core);
    expect(union).toMatchObject({ value: "c", label: "Cy’s span (the union)", tail: " and weapons to NATO member Poland" });
    expect(inter).toBeUndefined();
  });

  it("lists the union and the intersection only where they are spans of their own, and one option for one span", () => {
    const overlapping = boundaryOptions(TEXT, [
      member("a", "Ann", "hundreds of tanks, fighter"),
      member("b", "Ben", "tanks, fighter jets"),
    ]);
    expect(overlapping.map((o) => o.label)).toEqual([
      "Ann’s span",
      "Ben’s span",
      "Union of all spans",
      "Intersection (characters all spans share)",
    ]);
    const same = boundaryOptions(TEXT, [member("a", "Ann", "tanks, fighter jets"), member("b", "Ben", "tanks, fighter jets")]);
    expect(same.map((o) => [o.value, o.label])).toEqual([["a", "Ann and Ben’s span"]]);
    // A decision or default of "union" is made through the option that stands for it.
    expect(listedBoundary(same, "union")).toBe("a");
    const nested = boundaryOptions(TEXT, [
      member("a", "Ann", "tanks, fighter jets"),
      member("b", "Ben", "hundreds of tanks, fighter jets"),
    ]);
    expect(nested.map((o) => o.label)).toEqual(["Ann’s span (the intersection)", "Ben’s span (the union)"]);
    expect([listedBoundary(nested, "union"), listedBoundary(nested, "intersection"), listedBoundary(nested, "custom")]).toEqual([
      "b",
      "a",
      "custom",
    ]);
  });

  it("gives reviewers who marked the same span one option, and words on both sides to the union", () => {
    const opts = boundaryOptions(TEXT, [
      member("a", "Ann", "tanks, fighter jets"),
      member("b", "Ben", "tanks, fighter jets"),
      member("c", "Cy", "hundreds of tanks, fighter jets and weapons"),
    ]);
    expect(opts.map((o) => o.label)).toEqual(["Ann and Ben’s span (the intersection)", "Cy’s span (the union)"]);
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
