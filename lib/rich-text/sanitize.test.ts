import { describe, expect, it } from "vitest";
import { richTextToPlain, sanitizeRichText } from "./sanitize";

describe("sanitizeRichText", () => {
  it("keeps what the editor makes", () => {
    const html = "<p>See <strong>K2</strong> and <em>K9</em>:</p><ul><li>one</li></ul><blockquote><p>q</p></blockquote>";
    expect(sanitizeRichText(html)).toBe(html);
  });
  it("drops scripts, handlers, styles and unsafe links", () => {
    const out = sanitizeRichText(
      '<p onclick="x()" style="color:red">a<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">b</a><iframe src="//x"></iframe></p>',
    );
    expect(out).toMatch(/^<p>a<a [^>]*>b<\/a><\/p>$/);
    expect(out).not.toMatch(/script|onclick|onerror|style|javascript|iframe|img/);
  });
  it("forces safe rel and target on http links", () => {
    const out = sanitizeRichText('<p><a href="https://nato.int" target="_self" rel="opener">n</a></p>');
    expect(out).toMatch(/^<p><a [^>]+>n<\/a><\/p>$/);
    expect(out).toContain('href="https://nato.int"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
    expect(out).toContain('target="_blank"');
    expect(out).not.toContain("_self");
  });
  it("stores an empty editor as the empty string", () => {
    expect(sanitizeRichText("<p></p>")).toBe("");
    expect(sanitizeRichText("<p> <br></p>")).toBe("");
  });
  it("gives the plain text of stored HTML with entities decoded", () => {
    expect(richTextToPlain("<p>Tom &amp; Jerry</p><p>“quoted” café</p>")).toBe("Tom & Jerry\n“quoted” café");
  });
});
