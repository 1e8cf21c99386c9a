import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { buildHtml } from "./html";
import { buildMarkdown } from "./markdown";
import { lineBlocks } from "./line-blocks";
import { KINDED_LINES, makeKindedReportModel } from "@/tests/fixtures/report-model";

/** The report's annotated text as a DOM. */
function articleText(html: string): Element {
  return parseHTML(html).document.querySelector("#text .article-text")!;
}

/** Each claim's highlighted words: its marks' texts in order, a line break between marks on different lines. */
function markedWords(root: Element): Map<number, string> {
  const out = new Map<number, { text: string; line: Element | null }>();
  for (const m of Array.from(root.querySelectorAll("mark[data-claim]"))) {
    const n = Number(m.getAttribute("data-claim"));
    const line = m.closest("h3, p, li");
    const seen = out.get(n);
    const text = m.textContent ?? "";
    out.set(n, { text: seen ? seen.text + (seen.line === line ? "" : "\n") + text : text, line });
  }
  return new Map([...out].map(([n, v]) => [n, v.text]));
}

describe("line kinds in the reports", () => {
  it("group consecutive list items and quote lines; a heading and every other line stand alone", () => {
    const kinds = KINDED_LINES.map(([, k]) => k);
    expect(lineBlocks([1, 2, 3, 4, 5, 6, 7], kinds).map((b) => [b.kind, b.lines])).toEqual([
      ["heading", [1]],
      ["paragraph", [2]],
      ["list", [3, 4]],
      ["quote", [5, 6]],
      ["paragraph", [7]],
    ]);
    expect(lineBlocks(["a", "b"], null).map((b) => b.kind)).toEqual(["paragraph", "paragraph"]);
    expect(lineBlocks(["a", "b"], ["row", "paragraph"]).map((b) => b.kind)).toEqual(["paragraph", "paragraph"]);
  });

  it("HTML: a subhead is an h3, list items one ul, quote lines one blockquote, and each claim marks its own words", () => {
    const model = makeKindedReportModel();
    const text = articleText(buildHtml(model));
    expect(Array.from(text.children).map((e) => e.tagName.toLowerCase())).toEqual(["h3", "p", "ul", "blockquote", "p"]);
    expect(text.querySelector("h3")!.textContent).toBe("What the repair changed1");
    expect(Array.from(text.querySelectorAll("ul > li")).map((li) => li.textContent)).toEqual([
      "Buses return to the bridge on Thursday.",
      "The weight limit stays at 18 tonnes3 until May.",
    ]);
    expect(Array.from(text.querySelectorAll("blockquote > p")).map((p) => p.textContent)).toEqual([
      "We opened on the date we promised4.",
      "The bridge will outlast all of us.",
    ]);
    // Highlights sit on the claims' own characters, the claim across the subhead and the paragraph in both.
    expect(markedWords(text)).toEqual(new Map(model.claims.map((c) => [c.number, c.exact])));
    expect(text.querySelector("#claim-1")!.closest("h3")).not.toBeNull();
    expect(text.querySelector("#claim-3")!.closest("li")).not.toBeNull();
  });

  it("HTML: without stored kinds every line is a paragraph, as before", () => {
    const text = articleText(buildHtml(makeKindedReportModel({ kinds: false })));
    expect(Array.from(text.children).map((e) => e.tagName.toLowerCase())).toEqual(KINDED_LINES.map(() => "p"));
  });

  it("Markdown: a subhead is a ### heading under the report's ## section, list items - lines, quote lines one > quote", () => {
    const md = buildMarkdown(makeKindedReportModel());
    const text = md.slice(md.indexOf("## Annotated text\n\n") + "## Annotated text\n\n".length, md.indexOf("\n\n## Claims"));
    expect(text.split("\n\n")).toEqual([
      "### What the <mark>repair </mark><mark>changed</mark><sup>[1](#claim-1)</sup>",
      "<mark>The harbour bridge reopened</mark><sup>[2](#claim-2)</sup> to traffic on Tuesday, the transport department said.",
      "- Buses return to the bridge on Thursday.\n- The weight limit stays at <mark>18 tonnes</mark><sup>[3](#claim-3)</sup> until May.",
      "> We opened on the <mark>date we promised</mark><sup>[4](#claim-4)</sup>.\n>\n> The bridge will outlast all of us.",
      "Shop owners said the closure had cut their takings by a third.",
    ]);
    const flat = buildMarkdown(makeKindedReportModel({ kinds: false }));
    expect(flat).not.toMatch(/^(### What|- Buses|> We opened)/m);
  });

  it("Markdown: a subhead's own markup characters stay text", () => {
    const m = makeKindedReportModel();
    const text = "# Vote #\nA paragraph.";
    const md = buildMarkdown({ ...m, claims: [], version: { ...m.version, text, lineKinds: ["heading", "paragraph"] } });
    expect(md).toContain("### \\# Vote \\#\n\nA paragraph.");
  });
});
