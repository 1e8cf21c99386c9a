import { afterEach, describe, expect, it, vi } from "vitest";
import { constants, inflateSync } from "node:zlib";
import PDFDocument from "pdfkit";
import type { ReportModel } from "./report-model";
import type * as PdfOutput from "./pdf-output";
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

/**
 * Builds `model` with the report's writer, its output collected by `collect` (fresh modules: no cache carries over):
 * pdfkit's own stream, this module's collection as the reports use it, or that collection at pdfkit's level.
 */
async function build(model: ReportModel, collect: "collected" | "collected at pdfkit's level" | "streamed"): Promise<Buffer> {
  vi.resetModules();
  if (collect === "streamed") vi.doMock("./pdf-output", () => ({ collectedPdf: streamedPdf }));
  if (collect === "collected at pdfkit's level")
    vi.doMock("./pdf-output", async (original) => {
      const { collectedPdf } = await original<typeof PdfOutput>();
      return {
        collectedPdf: (options: PDFKit.PDFDocumentOptions) => collectedPdf(options, { contentLevel: constants.Z_DEFAULT_COMPRESSION }),
      };
    });
  const { buildPdf } = await import("./pdf");
  return buildPdf(model);
}

/** Every stream of a PDF as pdfkit writes them (`/Length n` … `stream\n` n bytes), inflated where it is deflated. */
function streamsOf(pdf: Buffer): Buffer[] {
  const text = pdf.toString("latin1");
  const streams: Buffer[] = [];
  for (const m of text.matchAll(/<<\n((?:\/[^\n]*\n)*?)>>\nstream\n/g)) {
    const length = Number(/\/Length (\d+)/.exec(m[1]!)![1]);
    const bytes = pdf.subarray(m.index + m[0].length, m.index + m[0].length + length);
    streams.push(m[1]!.includes("/Filter /FlateDecode") ? inflateSync(bytes) : bytes);
  }
  return streams;
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
    const collected = await build(model, "collected at pdfkit's level");
    const streamed = await build(model, "streamed");
    expect(collected.length).toBe(streamed.length);
    expect(collected.equals(streamed)).toBe(true);
    expect(collected.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    expect(collected.subarray(-6).toString("latin1")).toBe("%%EOF\n");
  });

  it("deflates page content faster, and every stream inflates to pdfkit's own bytes", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2023-01-30T09:00:00Z") });
    const fast = await build(longReport(), "collected");
    const own = await build(longReport(), "streamed");
    expect(fast.equals(own)).toBe(false);
    const [ours, theirs] = [streamsOf(fast), streamsOf(own)];
    // Pages, fonts, and what else the report holds: the same count, the same bytes once inflated.
    expect(ours.length).toBeGreaterThan(10);
    expect(ours.length).toBe(theirs.length);
    ours.forEach((s, i) => expect(s.equals(theirs[i]!), `stream ${i}`).toBe(true));
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
