import { describe, expect, it } from "vitest";
import { buildPdf } from "./pdf";
import { makeReportModel } from "@/tests/fixtures/report-model";
import { pdfTextItems } from "@/tests/support/pdf-text";

/** A deterministic run of `n` letters and digits without a break opportunity. */
const unbroken = (n: number) =>
  Array.from({ length: n }, (_, i) => "abcdefghijklmnopqrstuvwxyz0123456789"[(i * 7 + (i >> 5)) % 36]).join("");

describe("PDF report of text without spaces", () => {
  it("lays out a 200,000-character run in linear time, every character printed, within the page margins", async () => {
    // Before the fix a 16k-character run took 6 s and 575 MB, and the time grew with the square of the length.
    const run = unbroken(200_000);
    const model = makeReportModel({ text: `Before ${run} after.`, claims: [{ exact: "Before", verdict: "disputed" }] });
    const t0 = performance.now();
    const pdf = await buildPdf(model);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(20_000);
    const { items, pageWidth } = await pdfTextItems(pdf);
    const body = items.filter((i) => !/^Page \d+ of \d+$/.test(i.str));
    // The run comes back whole from the annotated text (lines joined), and no line leaves the 56 pt margins.
    const printed = body
      .map((i) => i.str)
      .join("")
      .replace(/\s+/g, "");
    // (A boolean: a failing toContain would print 200,000 characters.)
    expect(printed.includes(`Before[1]${run}after.`)).toBe(true);
    for (const item of body) {
      expect(item.x).toBeGreaterThanOrEqual(55.5);
      expect(item.x + item.width).toBeLessThanOrEqual(pageWidth - 55.5);
    }
  }, 60_000);
});
