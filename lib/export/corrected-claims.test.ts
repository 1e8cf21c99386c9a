import { describe, expect, it } from "vitest";
import { buildHtml } from "./html";
import { buildMarkdown } from "./markdown";
import { buildCsv, CSV_COLUMNS } from "./csv";
import { buildClaimReview } from "./claimreview";
import { buildW3c } from "./w3c";
import { reportFacts, summaryFacts } from "./report-text";
import type { ReportModel } from "./report-model";
import { makeReportModel, makeRoundReportModel } from "@/tests/fixtures/report-model";
import { makeCorrectedReportModel, ORPHAN_QUOTE } from "@/tests/fixtures/corrected-report-model";
import { parseCsv } from "@/tests/support/parse-csv";
import { pdfText } from "@/tests/support/pdf-text";
import { buildPdf } from "./pdf";
import { checkAnnotation } from "@/tests/support/w3c-conformance";

const NOTE = "Text changed after the check: needs re-review.";
const GONE = ORPHAN_QUOTE;

describe("reports of claims a correction changed after the check", () => {
  const m = makeCorrectedReportModel();

  it("HTML: a drifted claim stays marked, an orphan is listed without a mark, both with the re-review note", () => {
    const html = buildHtml(m);
    expect(html).toContain(`<mark id="claim-2" class="claim v-disputed" data-claim="2">The alliance has 30 members</mark>`);
    expect(html).not.toContain(`data-claim="4"`);
    // The orphan's quote carries the anchor that ClaimReview and CSV links use.
    expect(html).toContain(
      `<blockquote id="claim-4">${GONE}</blockquote><p class="anchor-note">${NOTE} A correction removed or rewrote these words`,
    );
    expect(html).toContain(
      `<blockquote>The alliance has 30 members</blockquote><p class="anchor-note">${NOTE} A correction edited these words`,
    );
    expect(html.match(/class="anchor-note"/g)).toHaveLength(2);
    expect(html).toMatch(/<th scope="row">Text changed after the check<\/th><td>2 \(needs re-review\)<\/td>/);
  });

  it("HTML: a report with no changed claim has no note and no count", () => {
    const html = buildHtml(makeReportModel());
    expect(html).not.toContain('anchor-note"');
    expect(html).not.toContain("needs re-review");
  });

  it("Markdown: the note follows the quote, the orphan has no mark in the text", () => {
    const md = buildMarkdown(m);
    expect(md).toContain(
      `> The alliance has 30 members\n\n**${NOTE} A correction edited these words: the quote is the corrected text, the verdict was given on the earlier wording.**`,
    );
    expect(md).toContain(
      `### <a id="claim-4"></a>4. Unsourced\n\n> NATO wants “a new Cold War” in Asia\n\n**${NOTE} A correction removed or rewrote these words`,
    );
    expect(md).not.toContain("(#claim-4)");
    expect(md).toContain("| Text changed after the check | 2 \\(needs re-review\\) |");
  });

  it("CSV: anchor_state on every row; an orphan has no position", () => {
    const rows = parseCsv(buildCsv(m));
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(rows[0]!.at(-1)).toBe("anchor_state");
    expect(rows.slice(1).map((r) => r[col("anchor_state")])).toEqual(["anchored", "drifted", "anchored", "orphaned"]);
    expect(rows[4]!.slice(col("start"), col("claim_text") + 1)).toEqual(["", "", GONE]);
    expect(rows[2]![col("start")]).toBe(String(m.claims[1]!.start));
  });

  it("ClaimReview leaves out drifted and orphaned claims; their numbers stay those of the report", () => {
    const reviews = buildClaimReview({ ...m, publishedUrl: "https://news.example/checks/visit" });
    expect(reviews.map((r) => (r as { claimReviewed: string }).claimReviewed)).toEqual([
      "arrived in Seoul on Sunday, January 29",
      "President Yoon Suk-yeol (윤석열)",
    ]);
    expect(reviews.map((r) => (r as { url: string }).url)).toEqual([
      expect.stringMatching(/#claim-1$/),
      expect.stringMatching(/#claim-3$/),
    ]);
  });

  it("W3C keeps both, marked; the orphan has only its quote as checked, and every annotation still passes the MUSTs", () => {
    const items = (buildW3c(m) as { first: { items: Record<string, any>[] } }).first.items;
    expect(items.map((a) => a.anchorState)).toEqual([undefined, "drifted", undefined, "orphaned"]);
    // The prefix as checked, cut to its last 32 UTF-16 units.
    expect(items[3]!.target.selector).toEqual([
      { type: "TextQuoteSelector", exact: GONE, prefix: "members, the article claims, and ".slice(-32), suffix: "." },
    ]);
    expect(items[1]!.target.selector.map((s: { type: string }) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
    expect((buildW3c(m) as { "@context": [string, Record<string, string>] })["@context"][1].anchorState).toBe("cd:anchorState");
    for (const item of items) expect(checkAnnotation(item).failed).toEqual([]);
  });

  it("a round report shown on a newer version says which version the round reviewed", () => {
    const base = makeRoundReportModel();
    const moved: ReportModel = { ...base, version: { ...base.version, number: 3 }, round: { ...base.round!, reviewedVersion: 2 } };
    const facts = Object.fromEntries(reportFacts(moved));
    expect(facts["Reviewed version"]).toBe(
      "The round reviewed version 2. A correction has since moved its claims, so they are shown on version 3.",
    );
    expect(buildHtml(moved)).toContain(
      "The round reviewed version 2. A correction has since moved its claims, so they are shown on version 3.",
    );
    expect(buildMarkdown(moved)).toContain(
      "| Reviewed version | The round reviewed version 2. A correction has since moved its claims, so they are shown on version 3. |",
    );
    // Shown on the version it reviewed: nothing to say.
    expect(Object.fromEntries(reportFacts({ ...base, round: { ...base.round!, reviewedVersion: 1 } }))).not.toHaveProperty(
      "Reviewed version",
    );
    expect(Object.fromEntries(summaryFacts(base))).not.toHaveProperty("Text changed after the check");
  });

  describe("the reasons given for corrections", () => {
    const base = makeReportModel();
    const corrected: ReportModel = {
      ...base,
      version: { ...base.version, number: 3 },
      corrections: [
        { number: 2, createdAt: "2026-12-01T09:30:00.000Z", reason: "The visit began on Sunday,\nnot Monday." },
        { number: 3, createdAt: "2026-12-02T10:00:00.000Z", reason: null },
      ],
    };
    const LINE =
      "version 2 (1 Dec 2026, 09:30 UTC): “The visit began on Sunday, not Monday.”; version 3 (2 Dec 2026, 10:00 UTC): no reason given";

    it("are listed in every human-readable format, each with its version and date", async () => {
      expect(Object.fromEntries(reportFacts(corrected)).Corrections).toBe(LINE);
      expect(buildHtml(corrected)).toContain(`<dt>Corrections</dt><dd>${LINE}</dd>`);
      expect(buildMarkdown(corrected)).toContain(`| Corrections | ${LINE.replace(/[()]/g, "\\$&")} |`);
      expect(await pdfText(await buildPdf(corrected))).toContain("The visit began on Sunday, not Monday.");
    });

    it("say how many earlier corrections a long list leaves out; a first version has none", () => {
      const many: ReportModel = {
        ...corrected,
        version: { ...base.version, number: 30 },
        corrections: [{ number: 11, createdAt: "2026-12-02T10:00:00.000Z", reason: "Typo." }],
      };
      expect(Object.fromEntries(reportFacts(many)).Corrections).toBe("9 earlier not listed; version 11 (2 Dec 2026, 10:00 UTC): “Typo.”");
      expect(Object.fromEntries(reportFacts(base))).not.toHaveProperty("Corrections");
    });
  });
});
