/**
 * The PDF report is a tagged PDF (for screen readers): marked, in the team's
 * language, its title shown by viewers, and its text in structure elements
 * a screen reader walks (headings, paragraphs, the claims as a list), read
 * back from the bytes with pdf.js.
 */
import { describe, expect, it } from "vitest";
import { buildPdf } from "./pdf";
import { makeKindedReportModel, makeReportModel, makeRoundReportModel } from "@/tests/fixtures/report-model";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { flattenStructure, pdfStructure, pdfText } from "@/tests/support/pdf-text";

/** The object a catalog entry points to (`/Name n 0 R`), as written in the file. */
function catalogEntry(raw: string, name: string): string {
  const ref = raw.match(new RegExp(`/${name} (\\d+) 0 R`));
  expect(ref, `the catalog names /${name}`).not.toBeNull();
  const obj = raw.match(new RegExp(`\\n${ref![1]} 0 obj\\s*([\\s\\S]*?)endobj`));
  return obj![1]!;
}

// Fonts load and reports lay out in seconds on a busy machine; the assertions, not the clock, are the test.
describe("tagged PDF report", { timeout: 60_000 }, () => {
  it("is marked, says its language and title, and has a structure tree", async () => {
    const model = makeReportModel();
    const raw = (await buildPdf(model)).toString("latin1");
    expect(catalogEntry(raw, "MarkInfo")).toMatch(/\/Marked true/);
    expect(catalogEntry(raw, "StructTreeRoot")).toMatch(/\/Type \/StructTreeRoot/);
    expect(raw).toMatch(/\/Lang \(en\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    const doc = await getDocument({ data: new Uint8Array(Buffer.from(raw, "latin1")), isEvalSupported: false }).promise;
    expect(((await doc.getMetadata()).info as { Title?: string }).Title).toBe(`Fact-check report: ${model.article.title}`);
    await doc.destroy();
    expect(raw).toMatch(/\/S \/H1\b/);
    expect(raw).toMatch(/\/S \/P\b/);
    expect(raw).toMatch(/\/S \/L\b/);

    const withLanguage = makeReportModel({ over: { team: { ...model.team, language: "id" } } });
    expect((await buildPdf(withLanguage)).toString("latin1")).toMatch(/\/Lang \(id\)/);
  });

  it("tags the title, the sections, paragraphs and each claim as a list item, in reading order; page numbers are no content", async () => {
    const model = makeRoundReportModel();
    const all = flattenStructure(await pdfStructure(await buildPdf(model)));
    expect(all[0]!.role).toBe("Document");
    expect(all.filter((n) => n.role === "H1").map((n) => n.text)).toEqual([model.article.title]);
    expect(all.filter((n) => n.role === "H2").map((n) => n.text)).toEqual(expect.arrayContaining(["Summary", "Annotated text", "Claims"]));
    const facts = all.filter((n) => n.role === "P").map((n) => n.text);
    expect(facts).toContain(`Team: ${model.team.name}`);
    // The article's paragraphs, each one P.
    const firstParagraph = model.version.text.split("\n")[0]!;
    expect(facts.some((t) => t.startsWith(firstParagraph.slice(0, 40)))).toBe(true);

    const lists = all.filter((n) => n.role === "L");
    expect(lists.length).toBeGreaterThan(0);
    const items = lists[0]!.children;
    expect(items.every((n) => n.role === "LI")).toBe(true);
    const heads = items.map((li) => li.children[0]!.children[0]!);
    expect(heads.map((h) => h.role)).toEqual(items.map(() => "H3"));
    expect(heads[0]!.text).toBe(`1. ${{ verified: "Verified", disputed: "Disputed", unsourced: "Unsourced" }[model.claims[0]!.verdict]}`);
    expect(items[0]!.children[0]!.children.map((n) => n.text)).toContain(model.claims[0]!.exact.replace(/\s+/g, " "));

    expect(all.some((n) => /Page \d+ of \d+/.test(n.text))).toBe(false);
  });

  it("draws the article's subheads as H3, its quote lines as one BlockQuote and its list items as a bulleted list, in text order", async () => {
    const pdf = await buildPdf(makeKindedReportModel());
    const all = flattenStructure(await pdfStructure(pdf));
    const squash = (s: string) => s.replace(/\s+/g, " ").trim();
    // The first H3 is the article's subhead (the claims' headings come after the text), its claim's number after it.
    expect(squash(all.find((n) => n.role === "H3")!.text)).toBe("What the repair changed[1]");
    const quote = all.find((n) => n.role === "BlockQuote")!;
    expect(quote.children.map((n) => [n.role, squash(n.text)])).toEqual([
      ["P", "We opened on the date we promised[4]."],
      ["P", "The bridge will outlast all of us."],
    ]);
    // The first list is the article's: each item a bullet (Lbl) and its words (LBody).
    const list = all.find((n) => n.role === "L")!;
    expect(list.children.map((li) => li.children.map((n) => [n.role, squash(n.text)]))).toEqual([
      [
        ["Lbl", "•"],
        ["LBody", "Buses return to the bridge on Thursday."],
      ],
      [
        ["Lbl", "•"],
        ["LBody", "The weight limit stays at 18 tonnes[3] until May."],
      ],
    ]);
    expect(await pdfText(pdf)).toContain(
      "What the repair changed[1] The harbour bridge reopened[2] to traffic on Tuesday, the transport department said. • Buses return to the bridge on Thursday. • The weight limit stays at 18 tonnes[3] until May. We opened on the date we promised[4]. The bridge will outlast all of us. Shop owners said",
    );

    // No kinds: every line a paragraph, and the only list is the claims'.
    const flat = flattenStructure(await pdfStructure(await buildPdf(makeKindedReportModel({ kinds: false }))));
    expect(flat.some((n) => n.role === "BlockQuote")).toBe(false);
    expect(flat.find((n) => n.role === "L")!.children[0]!.children.map((n) => n.role)).toEqual(["LBody"]);
  });
});
