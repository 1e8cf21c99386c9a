import { afterEach, describe, expect, it, vi } from "vitest";
import { WARM_UP_REPORTS, serverWarmUp, warmUpPieces } from "./warm-up-plan";

describe("the report workers' warm-up", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("lays out the small reports in every format, the PDF first, then the rest as PDF alone", () => {
    const pieces = [...warmUpPieces({ reports: 2, pdfReports: 3 })];
    expect(pieces.map((p) => p.n)).toEqual([0, 1, 2, 3, 4]);
    expect(pieces[0]!.formats).toEqual(["pdf", "html", "md", "csv", "claimreview", "w3c"]);
    expect(pieces[1]!.formats).toEqual(pieces[0]!.formats);
    expect(pieces.slice(2).map((p) => p.formats)).toEqual([["pdf"], ["pdf"], ["pdf"]]);
    expect([...warmUpPieces({ reports: 0, pdfReports: 0 })]).toEqual([]);
  });

  it("the server's plan is 16 reports in every format and 150 PDFs, or what CLAIMDESK_REPORT_WARM_UP_PDFS says", async () => {
    expect(WARM_UP_REPORTS).toBe(16);
    vi.stubEnv("CLAIMDESK_REPORT_WARM_UP_PDFS", "");
    const { reportLimits } = await import("./report-limits");
    expect(serverWarmUp(reportLimits().warmUpPdfs)).toEqual({ reports: 16, pdfReports: 150 });
    vi.resetModules();
    vi.stubEnv("CLAIMDESK_REPORT_WARM_UP_PDFS", "0");
    expect((await import("./report-limits")).reportLimits().warmUpPdfs).toBe(0);
    vi.resetModules();
    vi.stubEnv("CLAIMDESK_REPORT_WARM_UP_PDFS", "-1");
    await expect(import("./report-limits").then((m) => m.reportLimits())).rejects.toThrow(/CLAIMDESK_REPORT_WARM_UP_PDFS/);
  });
});
