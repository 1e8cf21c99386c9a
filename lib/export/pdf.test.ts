import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { buildPdf } from "./pdf";
import { makeReportModel } from "@/tests/fixtures/report-model";

/** The text of every page, lines joined by spaces, runs of whitespace collapsed. */
async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  let out = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ("str" in item) out += item.str + (item.hasEOL ? " " : "");
    out += " ";
  }
  await doc.destroy();
  return out.replace(/\s+/g, " ");
}

const flat = (s: string) => s.replace(/\s+/g, " ");

describe("PDF report", () => {
  it("holds each claim's text and verdict as real text, curly quotes and accents included", async () => {
    const model = makeReportModel();
    const pdf = await buildPdf(model);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    for (const c of model.claims.slice(0, 3)) {
      expect(text).toContain(`${c.number}. ${["Verified", "Disputed", "Unsourced"][["verified", "disputed", "unsourced"].indexOf(c.verdict)]}`);
      expect(text).toContain(flat(c.exact));
    }
    expect(text).toContain("“It’s a historic visit,” said a café owner");
    expect(text).toContain("Rationale: Finland joined in April 2023: 31.");
    expect(text).toContain("Reviewers: Riya Reviewer: Unsourced; Rafael Reviewer: Disputed");
    expect(text).toContain("Demo Desk");
  });

  it("prints characters the font lacks as □ and says so, instead of dropping them", async () => {
    const model = makeReportModel();
    const text = await pdfText(await buildPdf(model));
    expect(text).toContain("4. Verified President Yoon Suk-yeol (□□□)");
    expect(text).toMatch(/6 characters are outside the embedded font/);
  });

  it("prints user text as text, markup and all", async () => {
    const model = makeReportModel({ claims: [{ exact: "arrived in Seoul", verdict: "disputed", rationaleText: "<script>alert(1)</script>" }] });
    expect(await pdfText(await buildPdf(model))).toContain("Rationale: <script>alert(1)</script>");
  });
});
