import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildPdf } from "./pdf";
import { DEFAULT_FALLBACK_FONT, pdfFallbackFont } from "./pdf-fonts";
import { renderReport } from "./render-report";
import { evidence, makeReportModel, makeRoundReportModel } from "@/tests/fixtures/report-model";
import { makeCorrectedReportModel, ORPHAN_QUOTE } from "@/tests/fixtures/corrected-report-model";
import { pdfText } from "@/tests/support/pdf-text";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const flat = (s: string) => s.replace(/\s+/g, " ");
const LABEL = { verified: "Verified", disputed: "Disputed", unsourced: "Unsourced" } as const;
/** Hangul syllables and jamo, which DejaVu Sans lacks. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
/** A font DejaVu Sans lacks some glyphs of (⌒ U+2312, among others), and no Hangul either. */
const MONO = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSansMono.ttf");

afterEach(() => vi.restoreAllMocks());

/** A TrueType collection (.ttc) holding MONO as its one face: pdfkit cannot embed a collection without a face name. */
function collectionFile(): string {
  const ttf = Buffer.from(readFileSync(MONO));
  // The collection header comes first, so every table offset moves by its 16 bytes.
  for (let i = 0; i < ttf.readUInt16BE(4); i++) ttf.writeUInt32BE(ttf.readUInt32BE(12 + i * 16 + 8) + 16, 12 + i * 16 + 8);
  const head = Buffer.alloc(16);
  head.write("ttcf", 0, "latin1");
  head.writeUInt32BE(0x00010000, 4);
  head.writeUInt32BE(1, 8);
  head.writeUInt32BE(16, 12);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-font-")), "collection.ttc");
  writeFileSync(file, Buffer.concat([head, ttf]));
  return file;
}

describe("PDF report", () => {
  it("holds every claim's number, verdict, text and rationale as real text, curly quotes and accents included", async () => {
    const model = makeReportModel();
    const pdf = await buildPdf(model);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(model.claims).toHaveLength(4);
    for (const c of model.claims) {
      const [latin] = c.exact.split(HANGUL);
      // Latin-script claims in full, right after their number and verdict; the Korean one as far as its script allows.
      expect(text, `claim ${c.number}`).toContain(`${c.number}. ${LABEL[c.verdict]} ${flat(latin!)}`);
      if (!HANGUL.test(c.exact))
        expect(text).toContain(`${c.number}. ${LABEL[c.verdict]} ${flat(c.exact)} Rationale: ${c.rationaleText || "None given"}`);
    }
    expect(text).toContain("2. Unsourced “It’s a historic visit,” said a café owner");
    for (const e of model.claims.flatMap((c) => c.evidence)) expect(text).toContain(`Evidence: ${e.title} · `);
    expect(text).toContain("Demo Desk");
  });

  it("prints accented, curly-quoted and dashed Latin text exactly", async () => {
    const text = "Łódź’s mayor said: “Zürich – São Paulo — naïve façade,” ‘Ærøskøbing’ and Œuvre ß.\nSecond line.";
    const exact = "“Zürich – São Paulo — naïve façade,” ‘Ærøskøbing’ and Œuvre ß";
    const model = makeReportModel({ text, claims: [{ exact, verdict: "disputed", rationaleText: "Ça ne va pas — “non”." }] });
    const out = await pdfText(await buildPdf(model));
    expect(out).toContain(`1. Disputed ${exact} Rationale: Ça ne va pas — “non”.`);
    expect(out).toContain("Łódź’s mayor said:");
    expect(out).not.toContain("□");
  });

  it("keeps a rationale's bold words in the bold font and its list items on their own lines, indented under their markers", async () => {
    const m = makeReportModel({
      claims: [
        {
          exact: "arrived in Seoul",
          verdict: "disputed",
          rationaleHtml:
            '<p>See <strong>K2 tanks</strong>:</p><ul><li><p>one</p></li><li><p>two</p></li></ul><ol start="3"><li><p>third</p></li></ol>',
          rationaleText: "See K2 tanks:\none\ntwo\nthird",
        },
      ],
    });
    const doc = await getDocument({ data: new Uint8Array(await buildPdf(m)), isEvalSupported: false, useSystemFonts: false }).promise;
    const page = await doc.getPage(1);
    await page.getOperatorList();
    const items = (await page.getTextContent()).items.flatMap((i) =>
      "str" in i && i.str.trim()
        ? [{ str: i.str, x: i.transform[4] as number, font: (page.commonObjs.get(i.fontName) as { name: string }).name }]
        : [],
    );
    await doc.destroy();
    const at = (str: string) => items.find((i) => i.str === str)!;
    expect(at("K2 tanks").font).toMatch(/DejaVuSans-Bold$/);
    expect(at("See").font).toMatch(/DejaVuSans$/);
    const left = at("Rationale:").x;
    for (const item of ["• one", "• two", "3. third"]) expect(at(item).x).toBeGreaterThan(left);
    // Printed once.
    expect(items.filter((i) => i.str.includes("K2 tanks"))).toHaveLength(1);
  });

  it("prints the round, each reviewer's verdict, the decision and its rationale, the agreement figures, the team and the version", async () => {
    const text = await pdfText(await buildPdf(makeRoundReportModel()));
    expect(text).toContain("Team: Demo Desk");
    expect(text).toContain("Article version: 1, captured 19 Nov 2026, 08:00 UTC (SHA-256 abababababab…)");
    // Eddie decided claim 2 and tagged the others himself: named for each, never as a reviewer.
    expect(text).toContain("Reviewers: Riya Reviewer, Rafael Reviewer Marked outside a round by: Eddie Editor Review round:");
    expect(text).toContain(
      "Review round: adjudicated; adjudicator Eddie Editor; opened 20 Nov 2026, 08:00 UTC, revealed 21 Nov 2026, 16:45 UTC, adjudicated 22 Nov 2026, 15:00 UTC",
    );
    expect(text).toContain(
      "Decided by adjudication: 1 Reviewer disagreements: 1 Same verdict: 0 of 1 (0%) Same span: 1 of 1 (100%) Krippendorff’s alpha (verdicts): 0.42 Span overlap F1: 0.87",
    );
    expect(text).toContain(
      "2. Unsourced “It’s a historic visit,” said a café owner Rationale: No name given. Evidence: None Reviewers: Riya Reviewer: Unsourced; Rafael Reviewer: Disputed " +
        "Disagreement and decision: Reviewers disagreed on the verdict — decided by Eddie Editor on 22 Nov 2026, 15:00 UTC — Nobody is named.",
    );
    // An article's own report names no round and no round figures.
    const plain = await pdfText(await buildPdf(makeReportModel()));
    expect(plain).not.toContain("Review round:");
    expect(plain).not.toContain("Krippendorff");
    expect(plain).not.toContain("Rejected as not a claim");
  });

  it("prints a round's clusters rejected as not a claim after the claims, with the quote, the reviewer's verdict and the decision's rationale", async () => {
    const text = await pdfText(await buildPdf(makeRoundReportModel()));
    expect(text.indexOf("Rejected as not a claim")).toBeGreaterThan(text.indexOf("4. "));
    expect(text).toContain(
      "Cluster 3 · Marked by one reviewer a <b>crowded</b> café & bar Rafael Reviewer marked it Unsourced: Who says so? " +
        "Decision: Rejected by Eddie Editor on 22 Nov 2026, 15:05 UTC Rationale: A description of the scene, not a checkable statement.",
    );
  });

  it("cannot print Hangul with DejaVu alone: it prints □ for each character and says so, and does not fail", async () => {
    const model = makeReportModel();
    const text = await pdfText(await buildPdf(model));
    expect(text).toContain("4. Verified President Yoon Suk-yeol (□□□)");
    // Three syllables, twice: in the annotated text and in the claim.
    expect(text).toMatch(/6 characters are outside the embedded font/);
  });

  it("prints Hangul as real text with the shipped Noto Sans KR, the default fallback", async () => {
    expect(pdfFallbackFont()).toBe(process.env.CLAIMDESK_PDF_FALLBACK_FONT || DEFAULT_FALLBACK_FONT);
    const model = makeReportModel();
    const text = await pdfText(await buildPdf(model, { fallbackFont: DEFAULT_FALLBACK_FONT }));
    const korean = model.claims.find((c) => HANGUL.test(c.exact))!;
    expect(text).toContain(`${korean.number}. ${LABEL[korean.verdict]} ${flat(korean.exact)}`);
    expect(text).toContain("윤석열");
    expect(text).not.toContain("□");
    expect(text).not.toMatch(/outside the embedded font/);
  });

  it("uses a fallback font for what it covers, and □ for what neither font has", async () => {
    const model = makeReportModel({ text: "The ⌒ arc and 윤석열 here.", claims: [{ exact: "⌒ arc and 윤석열", verdict: "unsourced" }] });
    const text = await pdfText(await buildPdf(model, { fallbackFont: MONO }));
    expect(text).toContain("1. Unsourced ⌒ arc and □□□");
    expect(text).toMatch(/6 characters are outside the embedded font/);
    // Without the fallback, ⌒ is missing too.
    expect(await pdfText(await buildPdf(model))).toMatch(/8 characters are outside the embedded font/);
  });

  it("logs a fallback font that cannot be used, once, and still renders the report", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const model = makeReportModel({ text: "The ⌒ arc here.", claims: [{ exact: "⌒ arc", verdict: "verified" }] });
    for (const bad of ["/nonexistent/claimdesk-font.ttf", path.join(process.cwd(), "package.json"), collectionFile()]) {
      const file = await renderReport(model, "pdf", { fallbackFont: bad });
      expect((file.body as Buffer).subarray(0, 5).toString()).toBe("%PDF-");
      expect(await pdfText(file.body as Buffer)).toContain("1. Verified □ arc");
      await buildPdf(model, { fallbackFont: bad });
    }
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^CLAIMDESK_PDF_FALLBACK_FONT is not usable \(\/nonexistent\/claimdesk-font\.ttf\): ENOENT/),
      expect.stringMatching(/^CLAIMDESK_PDF_FALLBACK_FONT is not usable \(.*package\.json\): /),
      expect.stringMatching(/^CLAIMDESK_PDF_FALLBACK_FONT is not usable \(.*collection\.ttc\): /),
    ]);
  });

  it("notes claims a correction changed after the check under their quote, and counts them", async () => {
    const text = await pdfText(await buildPdf(makeCorrectedReportModel()));
    expect(text).toContain(
      "2. Disputed The alliance has 30 members Text changed after the check: needs re-review. A correction edited these words: the quote is the corrected text, the verdict was given on the earlier wording. Rationale:",
    );
    expect(text).toContain(
      `4. Unsourced ${ORPHAN_QUOTE} Text changed after the check: needs re-review. A correction removed or rewrote these words, so they are not marked in the text: the quote is the text as checked.`,
    );
    expect(text).toContain("Text changed after the check: 2 (needs re-review)");
    expect(await pdfText(await buildPdf(makeReportModel()))).not.toContain("needs re-review");
  });

  it("prints user text as text, markup and all", async () => {
    const model = makeReportModel({
      claims: [
        {
          exact: "arrived in Seoul",
          verdict: "disputed",
          rationaleText: "<script>alert(1)</script>",
          evidence: [evidence({ title: "<b>x</b>" })],
        },
      ],
    });
    const text = await pdfText(await buildPdf(model));
    expect(text).toContain("Rationale: <script>alert(1)</script>");
    expect(text).toContain("Evidence: <b>x</b> · ");
  });
});
