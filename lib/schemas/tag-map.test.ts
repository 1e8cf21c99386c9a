import { describe, expect, it } from "vitest";
import { parseTagLines, resolveTagMap, tagLines, tagMapSchema } from "./tag-map";

describe("tag mapping", () => {
  it("reads 'tag = verdict' lines with any of the separators, lower-cases and folds tags, and skips comments and blanks", () => {
    const parsed = parseTagLines("# ours\nMostly-False = disputed\n\nneeds_context -> Unsourced\nsolid: verified\n");
    expect(parsed).toEqual({ map: { "mostly false": "disputed", "needs context": "unsourced", solid: "verified" } });
  });

  it("names the first line that is not a mapping", () => {
    expect(parseTagLines("good = verified\nbad line\nworse = maybe")).toEqual({ error: expect.stringContaining("Line 2"), line: 2 });
    expect(parseTagLines("good = maybe")).toMatchObject({ line: 1 });
  });

  it("keeps tags that are names of Object's own properties, and they survive the schema and the resolved map", () => {
    const parsed = parseTagLines("__proto__ = verified\nconstructor = disputed\ntoString = unsourced\n__hasOwnProperty = verified");
    if (!("map" in parsed)) throw new Error(parsed.error);
    // Underscores fold to spaces like hyphens, and the ends are trimmed after folding.
    expect(Object.keys(parsed.map).sort()).toEqual(["constructor", "hasownproperty", "proto", "tostring"]);
    expect(parsed.map["proto"]).toBe("verified");
    // What the settings form sends, as the server reads it.
    const sent = JSON.parse(JSON.stringify(parsed.map)) as unknown;
    const resolved = resolveTagMap(sent);
    expect(resolved.get("constructor")).toBe("disputed");
    expect(resolved.get("tostring")).toBe("unsourced");
    expect(tagMapSchema.safeParse(sent).success).toBe(true);
    expect(tagLines(parsed.map)).toContain("constructor = disputed");
  });
});
