import { describe, expect, it } from "vitest";
import { highlightRuns, highlightRunsHtml } from "./highlight-runs";
import { claimMarkAttrs, type HighlightClaim } from "./claim-highlights";

const claim = (id: string, start: number, end: number, verdict: HighlightClaim["verdict"] = "verified"): HighlightClaim => ({
  id,
  start,
  end,
  verdict,
});
const paragraphs = () => ({ tag: "p" });
const attrs = (c: HighlightClaim) => claimMarkAttrs(c, "b", null);

describe("highlightRunsHtml", () => {
  it("draws each line with its claims' nested marks, outermost first", () => {
    // "Ministers said: 40% of schools" with a claim inside another, then an empty line and a plain one.
    const text = "Ministers said 40% of schools\n\nEnd.";
    const html = highlightRunsHtml(highlightRuns(text, [claim("a", 10, 29), claim("b", 15, 18, "disputed")]), paragraphs, attrs);
    expect(html).toBe(
      "<p>Ministers " +
        '<mark class="claim-hl claim-hl--verified" data-claim-id="a" data-verdict="verified">said </mark>' +
        '<mark class="claim-hl claim-hl--verified" data-claim-id="a" data-verdict="verified">' +
        '<mark class="claim-hl claim-hl--disputed is-selected" data-claim-id="b" data-verdict="disputed">40%</mark></mark>' +
        '<mark class="claim-hl claim-hl--verified" data-claim-id="a" data-verdict="verified"> of schools</mark>' +
        "</p><p></p><p>End.</p>",
    );
  });

  it("escapes the text, the attributes and the line kinds", () => {
    const text = `<script>alert("x")</script> & 'quotes'`;
    const html = highlightRunsHtml(
      highlightRuns(text, [{ id: `"><img src=x onerror=alert(1)>`, start: 0, end: 8, verdict: "verified" }]),
      () => ({ tag: "blockquote", kind: `quote"><b>` }),
      (c) => claimMarkAttrs(c, null, null),
    );
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain("&lt;script&gt;</mark>alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    expect(html).toContain('data-claim-id="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(html.startsWith('<blockquote data-kind="quote&quot;&gt;&lt;b&gt;">')).toBe(true);
  });
});
