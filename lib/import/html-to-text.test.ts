import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/anchoring/normalize-text";
import { htmlToText } from "./html-to-text";

const text = (html: string) => normalizeText(htmlToText(html));

describe("htmlToText", () => {
  it("keeps paragraphs and headings as lines and drops scripts, styles and navigation", () => {
    const html = `<!doctype html><html><head><title>Site title</title><style>p { color: red }</style>
      <script>document.write("<p>injected</p>")</script></head><body>
      <nav><ul><li><a href="/">Home</a></li><li>World</li></ul></nav>
      <header><p>Site banner</p></header>
      <article><h1>NATO chief visits Seoul</h1>
      <p>Jens Stoltenberg arrived
         in <b>South Korea</b> on Sunday.</p>
      <p>He met <a href="https://example.org">Park Jin</a>.<br>Then he left.</p>
      <aside>Advertisement <p>Buy now</p></aside>
      <ul><li>Seoul</li><li>Tokyo</li></ul></article>
      <footer>© Outlet</footer><noscript>Enable JS</noscript></body></html>`;
    expect(text(html)).toBe(
      ["NATO chief visits Seoul", "Jens Stoltenberg arrived in South Korea on Sunday.", "He met Park Jin.", "Then he left.", "Seoul", "Tokyo"].join("\n"),
    );
  });

  it("decodes entities once, so escaped markup stays text", () => {
    expect(text("<p>Fish &amp; chips &lt;b&gt;not bold&lt;/b&gt; &quot;quoted&quot; it&#39;s&nbsp;here</p>")).toBe(
      'Fish & chips <b>not bold</b> "quoted" it\'s here',
    );
  });

  it("returns nothing for a page that is only furniture", () => {
    expect(text("<nav>Menu</nav><script>x()</script><footer>Footer</footer>")).toBe("");
  });
});
