import { afterEach, describe, expect, it, vi } from "vitest";
import PDFDocument from "pdfkit";
import type { ReportModel } from "./report-model";
import { evidence, makeKindedReportModel, makeReportModel, makeRoundReportModel } from "@/tests/fixtures/report-model";

/** pdfkit's own output path: its stream's chunks, joined (what ./pdf-output.ts replaces). */
function streamedPdf(options: PDFKit.PDFDocumentOptions) {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const file = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, file };
}

/** A report of many pages: every claim with a rationale of several blocks, half with evidence and links. */
function longReport(): ReportModel {
  const text = Array.from({ length: 60 }, (_, i) => `Paragraph ${i}: officials said “claim ${i} is true” at the café, 서울 (Seoul).`).join(
    "\n",
  );
  return makeReportModel({
    text,
    claims: Array.from({ length: 60 }, (_, i) => ({
      exact: `“claim ${i} is true”`,
      verdict: (["verified", "disputed", "unsourced"] as const)[i % 3],
      rationaleHtml: `<p>Rationale ${i} with <strong>bold</strong> and <em>italic</em>.</p><ul><li>One</li><li>Two</li></ul>`,
      rationaleText: `Rationale ${i} with bold and italic. One Two`,
      evidence: i % 2 ? [evidence({ title: `Source ${i}`, url: `https://example.org/${i}` })] : [],
    })),
  });
}

/** Builds `model` with the report's writer, its output collected by `collect` (fresh modules: no cache carries over). */
async function build(model: ReportModel, collect: "collected" | "streamed"): Promise<Buffer> {
  vi.resetModules();
  if (collect === "streamed") vi.doMock("./pdf-output", () => ({ collectedPdf: streamedPdf }));
  const { buildPdf } = await import("./pdf");
  return buildPdf(model);
}

afterEach(() => {
  vi.doUnmock("./pdf-output");
  vi.useRealTimers();
});

describe("collected PDF output", () => {
  it.each([
    ["a short report", makeReportModel()],
    ["a report of many pages", longReport()],
    ["an article of subheads, quotes and lists", makeKindedReportModel()],
    ["a round's report with rejected claims", makeRoundReportModel()],
  ])("writes %s byte for byte as pdfkit's own stream does", async (_, model) => {
    // The creation date is in the file and its ID.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2023-01-30T09:00:00Z") });
    const collected = await build(model, "collected");
    const streamed = await build(model, "streamed");
    expect(collected.length).toBe(streamed.length);
    expect(collected.equals(streamed)).toBe(true);
    expect(collected.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    expect(collected.subarray(-6).toString("latin1")).toBe("%%EOF\n");
  });

  it("starts with no page when asked for none, as pdfkit does", async () => {
    const { collectedPdf } = await import("./pdf-output");
    const { doc, file } = collectedPdf({ autoFirstPage: false, font: null as unknown as string });
    expect(doc.bufferedPageRange().count).toBe(0);
    doc.end();
    const bytes = await file;
    expect(bytes.toString("latin1")).toMatch(/\/Count 0\b/);
  });
});
