import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/anchoring/normalize-text";
import { markdownToText } from "./markdown-to-text";

const text = (md: string) => normalizeText(markdownToText(md));

describe("markdownToText", () => {
  it("keeps the words of headings, paragraphs, lists and quotes, without the syntax", () => {
    const md = [
      "# NATO chief visits *Seoul* #",
      "",
      "Jens Stoltenberg arrived in **South Korea**",
      'on Sunday, said [Yonhap](https://en.yna.co.kr "Yonhap").',
      "",
      "- Met `Park Jin`",
      "* Urged _more_ aid",
      "1. Flew to Tokyo",
      "",
      "> “We need to address these global threats,”",
      "> he said.",
      "",
      "---",
      "![Stoltenberg in Seoul](photo.jpg)",
      "[yonhap]: https://en.yna.co.kr",
    ].join("\n");
    expect(text(md)).toBe(
      [
        "NATO chief visits Seoul",
        "Jens Stoltenberg arrived in South Korea on Sunday, said Yonhap.",
        "Met Park Jin",
        "Urged more aid",
        "Flew to Tokyo",
        "“We need to address these global threats,” he said.",
        "Stoltenberg in Seoul",
      ].join("\n"),
    );
  });

  it("keeps setext headings, code blocks and tables as text, and leaves snake_case and 2*3*4 alone", () => {
    const md = [
      "Title",
      "=====",
      "",
      "```js",
      "const x = 1;",
      "```",
      "",
      "| City | Day |",
      "|---|---|",
      "| Seoul | Sunday |",
      "",
      "file_name_here and 2*3*4",
    ].join("\n");
    expect(text(md)).toBe(["Title", "const x = 1;", "City Day", "Seoul Sunday", "file_name_here and 2*3*4"].join("\n"));
  });

  it("honours hard line breaks and backslash escapes", () => {
    expect(text("First line  \nsecond line\\\nthird \\*not emphasis\\*")).toBe("First line\nsecond line\nthird *not emphasis*");
  });
});
