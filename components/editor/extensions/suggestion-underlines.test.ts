import { getSchema } from "@tiptap/core";
import type { Decoration } from "@tiptap/pm/view";
import { StarterKit } from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { TextPmMap } from "../../../lib/anchoring/prosemirror-positions";
import { textToDocJson } from "./claim-highlights";
import { buildSuggestionDecorations } from "./suggestion-underlines";

const schema = getSchema([StarterKit]);
const attrs = (d: Decoration) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;

describe("suggestion underlines", () => {
  it("underlines each suggestion from code points (past a character outside the BMP, in the next paragraph) with its reasons as the hover text", () => {
    const text = "A 😀 first sentence.\nNATO said 10 tanks left.";
    const doc = schema.nodeFromJSON(textToDocJson(text));
    const start = [...text].indexOf("N");
    const set = buildSuggestionDecorations(doc, new TextPmMap(text), {
      suggestions: [{ start, end: [...text].length, title: "States a number: 10" }],
      located: { start: 0, end: 1 },
    });
    const found = set.find().sort((a, b) => a.from - b.from);
    expect(found.map((d) => doc.textBetween(d.from, d.to, "\n"))).toEqual(["A", "NATO said 10 tanks left."]);
    expect(attrs(found[1]!)).toMatchObject({ class: "suggestion-ul", title: "States a number: 10", "data-suggestion": "0" });
    expect(attrs(found[0]!)).toMatchObject({ class: "located-hl" });
  });

  it("skips empty spans", () => {
    const text = "Short.";
    const doc = schema.nodeFromJSON(textToDocJson(text));
    expect(
      buildSuggestionDecorations(doc, new TextPmMap(text), { suggestions: [{ start: 3, end: 3, title: "" }], located: null }).find(),
    ).toEqual([]);
  });
});
