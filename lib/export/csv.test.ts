import { describe, expect, it } from "vitest";
import { stringify } from "csv-stringify/sync";
import { buildCsv, CSV_COLUMNS, neutralizeCell, toCsv } from "./csv";
import { evidence, makeReportModel } from "@/tests/fixtures/report-model";
import { parseCsv } from "@/tests/support/parse-csv";

describe("CSV report", () => {
  it("has one row per claim, quoted as RFC 4180 says", () => {
    const m = makeReportModel();
    const csv = buildCsv(m);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(m.claims.length + 1);
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    expect(rows[1]![col("claim_text")]).toBe("arrived in Seoul on Sunday, January 29");
    expect(rows[2]![col("claim_text")]).toBe("“It’s a historic visit,” said a café owner");
    expect(rows[2]![col("reviewer_verdicts")]).toBe("Riya Reviewer: Unsourced\nRafael Reviewer: Disputed");
    expect(rows[3]![col("verdict")]).toBe("Disputed");
    expect(rows.slice(1).map((r) => r[col("claim_url")])).toEqual(
      m.claims.map((c) => expect.stringMatching(new RegExp(`#claim-${c.number}$`))),
    );
    expect(csv).toContain('"arrived in Seoul on Sunday, January 29"');
  });

  it("doubles quotes inside quoted fields", () => {
    const m = makeReportModel({ text: 'He said "no", twice.', claims: [{ exact: 'said "no", twice', verdict: "disputed" }] });
    const csv = buildCsv(m);
    expect(csv).toContain('"said ""no"", twice"');
    expect(parseCsv(csv)[1]![6]).toBe('said "no", twice');
  });

  it("neutralizes cells a spreadsheet would run as formulas", () => {
    for (const bad of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutralizeCell(bad)).toBe(`'${bad}`);
    expect(neutralizeCell("Fine – text")).toBe("Fine – text");
    const m = makeReportModel({
      text: "=1+2 is a formula.\n@mention here.",
      claims: [
        { exact: "=1+2 is a formula", verdict: "verified", rationaleText: "-cmd|' /C calc'!A0" },
        { exact: "@mention here", verdict: "unsourced", evidence: [evidence({ title: "+danger", url: null })] },
      ],
      over: { article: { ...makeReportModel().article, title: '=IMPORTXML("http://evil")' } },
    });
    const rows = parseCsv(buildCsv(m)).slice(1);
    const cells = rows.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(rows[0]![6]).toBe("'=1+2 is a formula");
    expect(rows[0]![8]).toBe("'-cmd|' /C calc'!A0");
    expect(rows[1]![2]).toBe('\'=IMPORTXML("http://evil")');
    expect(rows[1]![9]).toMatch(/^'\+danger · /);
  });

  it("toCsv quotes a two-line, quoted title as RFC 4180 says (the team ZIP's index uses it)", () => {
    const title = 'The “visit”\nand "the members", counted';
    const csv = toCsv([
      ["folder", "title", "claims"],
      ["001-visit-v1", title, 3],
      ["002-x-v1", "=cmd()", 0],
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain('"The “visit”\nand ""the members"", counted"');
    expect(parseCsv(csv)).toEqual([
      ["folder", "title", "claims"],
      ["001-visit-v1", title, "3"],
      ["002-x-v1", "'=cmd()", "0"],
    ]);
    // The control: csv-stringify with only CRLF records leaves the lone LF bare, which a strict reader refuses.
    expect(() => parseCsv(stringify([["title"], ["Line one\nline two"]], { record_delimiter: "windows" }))).toThrow(
      /unquoted field holds "\\n"/,
    );
  });
});
