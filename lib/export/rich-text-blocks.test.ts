import { describe, expect, it } from "vitest";
import { richTextBlocks } from "./rich-text-blocks";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";

const plain = (text: string) => ({ text, bold: false, italic: false });

describe("richTextBlocks", () => {
  it("keeps paragraphs, bold and italic runs, bullet and numbered items with their depth, and quotes", () => {
    const html = sanitizeRichText(
      '<p>See <strong>K2</strong> and <em>K9 &amp; FA-50</em>:</p><ul><li><p>one</p></li><li><p>two <strong>bold</strong></p><ol start="3"><li><p>nested</p></li></ol></li></ul><blockquote><p>quoted</p></blockquote>',
    );
    expect(richTextBlocks(html)).toEqual([
      {
        kind: "paragraph",
        marker: null,
        depth: 0,
        runs: [
          plain("See "),
          { text: "K2", bold: true, italic: false },
          plain(" and "),
          { text: "K9 & FA-50", bold: false, italic: true },
          plain(":"),
        ],
      },
      { kind: "item", marker: "•", depth: 1, runs: [plain("one")] },
      { kind: "item", marker: "•", depth: 1, runs: [plain("two "), { text: "bold", bold: true, italic: false }] },
      { kind: "item", marker: "3.", depth: 2, runs: [plain("nested")] },
      { kind: "quote", marker: null, depth: 0, runs: [plain("quoted")] },
    ]);
  });

  it("reads list items without paragraphs and numbers from 1 by default", () => {
    expect(richTextBlocks("<ol><li>a</li><li>b</li></ol>")?.map((b) => [b.marker, b.runs[0]!.text])).toEqual([
      ["1.", "a"],
      ["2.", "b"],
    ]);
  });

  it("gives null for anything the sanitizer does not write, so the caller prints plain text", () => {
    expect(richTextBlocks("<p>a <script>x</script></p>")).toBeNull();
    expect(richTextBlocks("<p>1 < 2</p>")).toBeNull();
    expect(richTextBlocks("")).toEqual([]);
  });
});
