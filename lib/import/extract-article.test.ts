import { describe, expect, it } from "vitest";
import { extractionFixtures } from "@/tests/support/extraction-fixtures";
import { pageF1, scorePages, shingleCounts } from "@/tests/support/extraction-score";
import { readPage, type PageReading } from "./read-page";
import { extractArticle } from "./extract-article";
import { sameWords } from "./same-words";

/** The text the import saves when the user changes nothing: every line the furniture rules do not remove. */
function savedText(reading: PageReading): string {
  const out = new Set(reading.removed.flatMap((b) => b.lines.map((_, k) => b.index + k)));
  return reading.lines.filter((_, i) => !out.has(i)).join("\n");
}

/**
 * The article the import saves when the user changes nothing: the title the
 * page states (the form's prefill, shown as the article's heading) above its
 * text. The evaluation set's bodies open with the headline, so this is what
 * they are scored against (as Readability's title and content are in the bench).
 */
const savedArticle = (reading: PageReading) => [reading.metadata?.title?.value ?? "", savedText(reading)].filter(Boolean).join("\n");

const fixtures = extractionFixtures();
const readings = new Map(fixtures.map((f) => [f.name, readPage({ bytes: f.bytes, format: "html", field: "file" })]));
const reading = (name: string) => readings.get(name)!;

describe("article extraction on the evaluation set", () => {
  it("has at least 40 pages from several publishing systems, some in legacy encodings", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(new Set(fixtures.map((f) => f.meta.system.split(" ")[0])).size).toBeGreaterThanOrEqual(10);
    expect(
      fixtures
        .filter((f) => f.meta.charset !== "utf-8")
        .map((f) => f.meta.charset)
        .sort(),
    ).toEqual(["euc-kr", "gb18030", "shift_jis", "windows-1251", "windows-1252", "windows-1252"]);
  });

  it("scores token-shingle F1 of at least 0.96 over the set, and on the held-out pages alone", () => {
    const counts = fixtures.map((f) => shingleCounts(f.expected, savedArticle(reading(f.name))));
    expect(scorePages(counts).f1).toBeGreaterThanOrEqual(0.96);
    expect(scorePages(counts.filter((_, i) => fixtures[i]!.meta.heldOut)).f1).toBeGreaterThanOrEqual(0.96);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s: the body, under its headline as the title and not repeating it", (_, f) => {
    const r = reading(f.name);
    expect(pageF1(f.expected, savedArticle(r))).toBeGreaterThanOrEqual(0.85);
    const headline = f.expected.split("\n")[0]!;
    expect(sameWords(r.metadata?.title?.value ?? "", headline)).toBe(true);
    // The text never opens with the headline again.
    expect(sameWords(savedText(r).split("\n")[0]!, headline)).toBe(false);
    expect(r.lines.some((l) => sameWords(l, headline))).toBe(false);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s: the metadata the page states", (_, f) => {
    const m = reading(f.name).metadata!;
    expect({
      title: m.title?.value ?? null,
      authors: (m.authors?.value ?? []).map((a) => a.toLowerCase()),
      published: m.published?.value ?? null,
      modified: m.modified?.value ?? null,
      outlet: m.outlet?.value ?? null,
      canonical: m.canonical?.value ?? null,
    }).toEqual({
      title: f.meta.title,
      authors: f.meta.authors.map((a) => a.toLowerCase()),
      published: f.meta.published,
      modified: f.meta.modified,
      outlet: f.meta.outlet,
      canonical: f.meta.canonical,
    });
  });

  it("keeps subheads, list items, block quotes and table rows as lines of their own, with their kind", () => {
    const kindOf = (name: string, line: string) => {
      const r = reading(name);
      return r.kinds[r.lines.indexOf(line)];
    };
    expect(kindOf("wp-council-budget", "What changes for residents")).toBe("heading");
    expect(kindOf("wp-council-budget", "Parking meters downtown will run until 8 p.m. instead of 6 p.m.")).toBe("list-item");
    expect(
      kindOf(
        "handmade-minimal-blog",
        "“Minutes are a legal record, not a transcript. People who want the full discussion can watch the video.”",
      ),
    ).toBe("quote");
    expect(kindOf("data-table-election-results", "District 3 55.4% 63.9% +8.5")).toBe("row");
    // The headline is the title, not a line of the text.
    expect(reading("wp-council-budget").lines).not.toContain("Council approves $412 million budget after six-hour meeting");
  });

  it("says where each metadata field came from", () => {
    const m = reading("wp-council-budget").metadata!;
    expect(m.title).toMatchObject({ source: "json-ld", detail: "JSON-LD NewsArticle headline" });
    // Yoast's @graph: the author and publisher are @id references, resolved.
    expect(m.authors).toMatchObject({ value: ["Maria Delgado"], source: "json-ld" });
    expect(m.outlet).toMatchObject({ value: "Riverside Ledger", source: "json-ld" });
    expect(m.canonical).toMatchObject({ source: "link", detail: 'link rel="canonical"' });
    const noLd = reading("de-latin1-nachrichten").metadata!;
    expect(noLd.title).toMatchObject({ source: "open-graph", detail: "og:title" });
    expect(noLd.authors).toMatchObject({ source: "meta", value: ["Jan Petersen"] });
    expect(noLd.published).toMatchObject({ source: "meta", value: "2023-03-27" });
  });

  it("decodes pages by the encoding they declare", () => {
    for (const [name, encoding] of [
      ["ko-euckr-table-layout", "EUC-KR"],
      ["ja-shiftjis-broadcaster", "Shift_JIS"],
      ["zh-gb18030-portal", "gb18030"],
      ["fr-windows1252-quotidien", "windows-1252"],
      ["ru-windows1251-lenta", "windows-1251"],
    ] as const) {
      expect(reading(name).encoding).toBe(encoding);
    }
    // windows-1252's curly quotes, which Node 20's own TextDecoder turns into C1 controls.
    expect(reading("fr-windows1252-quotidien").metadata!.title!.value).toBe(
      "Retraites : le gouvernement maintient le report de l’âge légal à 64 ans",
    );
    expect(reading("fr-windows1252-quotidien").lines[0]).toBe(
      "La première ministre, Élisabeth Borne, a présenté mardi un projet qui prévoit aussi d’accélérer l’allongement de la durée de cotisation.",
    );
    expect(reading("de-latin1-nachrichten").lines.some((l) => l.startsWith("„Wir wissen"))).toBe(true);
  });
});

describe("the headline", () => {
  const page = (head: string, article: string) =>
    `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><header><h1>Council says yes to the budget</h1></header><main><article>${article}${PARAGRAPHS}</article></main></body></html>`;
  const PARAGRAPHS = Array.from(
    { length: 4 },
    (_, i) =>
      `<p>Paragraph ${i + 1}: the council voted five to two on Wednesday night after a six-hour meeting in which more than ninety residents spoke about the library, the road fund and the budget.</p>`,
  ).join("");
  const linesOf = (html: string) => extractArticle(html).blocks.map((b) => b.text);

  it("compares lines by their words alone: spacing, case and punctuation aside", () => {
    expect(sameWords("Council says yes — to the  budget!", "council says YES to the budget")).toBe(true);
    expect(sameWords("“Ça va”, dit-il", "ça va dit il")).toBe(true);
    expect(sameWords("Council says yes", "Council says no")).toBe(false);
    expect(sameWords("", "")).toBe(false);
  });

  it("is the title, not the first line of the text, and a body line repeating it loosely is dropped", () => {
    const titled = page(
      "<title>Council says yes to the budget | Ledger</title>",
      "<p><strong>Council Says Yes To The Budget.</strong></p>",
    );
    expect(linesOf(titled)[0]).toBe(
      "Paragraph 1: the council voted five to two on Wednesday night after a six-hour meeting in which more than ninety residents spoke about the library, the road fund and the budget.",
    );
    expect(linesOf(titled).some((l) => sameWords(l, "Council says yes to the budget"))).toBe(false);
  });

  it("stays in the text when it is not the title the page states", () => {
    const other = page('<meta property="og:title" content="Council says yes to the budget after a six-hour meeting">', "");
    expect(linesOf(other)[0]).toBe("Council says yes to the budget");
  });
});
