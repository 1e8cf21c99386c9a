import { describe, expect, it } from "vitest";
import { highlightRuns, highlightRunsHtml } from "./highlight-runs";
import { plainMarkAttrs, type HighlightClaim } from "./claim-highlights";

const claim = (id: string, start: number, end: number, verdict: HighlightClaim["verdict"] = "verified"): HighlightClaim => ({
  id,
  start,
  end,
  verdict,
});
const paragraphs = () => ({ tag: "p" });
const attrs = (c: HighlightClaim) => plainMarkAttrs(c, "b");

describe("highlightRunsHtml", () => {
  it("draws each line with its claims' nested marks, outermost first, a claim around another as one mark", () => {
    // "Ministers said: 40% of schools" with a claim inside another, then an empty line and a plain one.
    const text = "Ministers said 40% of schools\n\nEnd.";
    const html = highlightRunsHtml(highlightRuns(text, [claim("a", 10, 29), claim("b", 15, 18, "disputed")]), paragraphs, attrs);
    expect(html).toBe(
      "<p>Ministers " +
        '<mark class="claim-hl claim-hl--verified" data-claim-id="a">said ' +
        '<mark class="claim-hl claim-hl--disputed is-selected" data-claim-id="b">40%</mark>' +
        " of schools</mark>" +
        "</p><p></p><p>End.</p>",
    );
  });

  it("closes and opens again a claim that crosses another's end, and one that runs on into the next line", () => {
    // a = "said 40%", b = "40% of" (longer, so outermost where they overlap), c = "schools\nEnd".
    const text = "Ministers said 40% of schools\nEnd.";
    const html = highlightRunsHtml(
      highlightRuns(text, [claim("a", 10, 18), claim("b", 15, 26, "disputed"), claim("c", 22, 33, "unsourced")]),
      paragraphs,
      (c) => plainMarkAttrs(c, null),
    );
    const open = (id: string, verdict: string) => `<mark class="claim-hl claim-hl--${verdict}" data-claim-id="${id}">`;
    expect(html).toBe(
      "<p>Ministers " +
        `${open("a", "verified")}said </mark>` +
        `${open("b", "disputed")}${open("a", "verified")}40%</mark> of ${open("c", "unsourced")}scho</mark></mark>` +
        `${open("c", "unsourced")}ols</mark></p>` +
        `<p>${open("c", "unsourced")}End</mark>.</p>`,
    );
  });

  it("escapes the text, the attributes and the line kinds", () => {
    const text = `<script>alert("x")</script> & 'quotes'`;
    const html = highlightRunsHtml(
      highlightRuns(text, [{ id: `"><img src=x onerror=alert(1)>`, start: 0, end: 8, verdict: "verified" }]),
      () => ({ tag: "blockquote", kind: `quote"><b>` }),
      (c) => plainMarkAttrs(c, null),
    );
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain("&lt;script&gt;</mark>alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    expect(html).toContain('data-claim-id="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(html.startsWith('<blockquote data-kind="quote&quot;&gt;&lt;b&gt;">')).toBe(true);
  });
});
