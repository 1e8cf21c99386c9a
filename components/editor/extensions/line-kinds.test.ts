import { getSchema } from "@tiptap/core";
import { DOMSerializer } from "@tiptap/pm/model";
import { StarterKit } from "@tiptap/starter-kit";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { TextPmMap } from "../../../lib/anchoring/prosemirror-positions";
import type { LineKind } from "../../../lib/schemas/article";
import { buildClaimDecorations, docText, textToDocJson } from "./claim-highlights";
import { KindedParagraph } from "./line-kinds";

const schema = getSchema([StarterKit.configure({ paragraph: false }), KindedParagraph]);
const TEXT = "Bridge reopens\nThe bridge reopened on Tuesday.\nWhat changed\nBuses return.\nWe kept our word.";
const KINDS: LineKind[] = ["heading", "paragraph", "heading", "list-item", "quote"];

describe("line kinds in the viewer", () => {
  it("draws each line as its kind, one textblock per line", () => {
    const doc = schema.nodeFromJSON(textToDocJson(TEXT, KINDS));
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const html = DOMSerializer.fromSchema(schema).serializeFragment(doc.content, { document: document as unknown as Document });
    const box = document.createElement("div");
    box.appendChild(html as unknown as Node);
    expect(box.innerHTML).toBe(
      '<h2 data-kind="heading">Bridge reopens</h2><p>The bridge reopened on Tuesday.</p><h2 data-kind="heading">What changed</h2>' +
        '<p data-kind="list-item">Buses return.</p><blockquote data-kind="quote">We kept our word.</blockquote>',
    );
  });

  it("leaves ProseMirror positions, and so claim highlights, those of the plain text", () => {
    const plain = schema.nodeFromJSON(textToDocJson(TEXT));
    const kinded = schema.nodeFromJSON(textToDocJson(TEXT, KINDS));
    expect(kinded.content.size).toBe(plain.content.size);
    expect(docText(kinded)).toBe(TEXT);
    const map = new TextPmMap(TEXT);
    // A claim on the subhead, and one from the subhead into the list item.
    const start = TEXT.indexOf("What changed");
    const across = TEXT.indexOf("changed\nBuses");
    const set = buildClaimDecorations(
      kinded,
      map,
      [
        { id: "head", start, end: start + "What changed".length, verdict: "verified" },
        { id: "across", start: across, end: across + "changed\nBuses".length, verdict: "disputed" },
      ],
      null,
      null,
    );
    // A claim may be drawn in several pieces (split where another claim starts, and per line): read its whole span.
    const text = (id: string) => {
      const pieces = set.find().filter((d) => d.spec.claimId === id);
      return kinded.textBetween(Math.min(...pieces.map((d) => d.from)), Math.max(...pieces.map((d) => d.to)), "\n");
    };
    expect(text("head")).toBe("What changed");
    expect(text("across")).toBe("changed\nBuses");
  });
});
