/**
 * The CSV report: one row per claim, quoted as RFC 4180 says (CRLF records,
 * fields with commas, quotes or line breaks in double quotes, quotes
 * doubled). A UTF-8 byte-order mark leads the file so spreadsheet programs
 * read the accents and curly quotes right.
 *
 * Formula injection: a spreadsheet runs a cell that begins with = + - @ (or
 * a tab or carriage return, which some programs skip before looking). Such
 * cells get a leading apostrophe, which spreadsheets show as text.
 *
 * Claims a correction changed after the check are rows like the others, with
 * `anchor_state` drifted or orphaned (report-text.ts); an orphan has no place
 * in the text, so its `start` and `end` are empty and `claim_text` is the
 * text as checked.
 */
import { stringify } from "csv-stringify/sync";
import type { ReportClaim, ReportModel } from "./report-model";
import { claimUrl, reportTitle } from "./report-model";
import { CLUSTER_KIND_LABELS, VERDICT_LABELS, evidenceLine, isPlaced } from "./report-text";

export const CSV_COLUMNS = [
  "claim",
  "article_id",
  "article_title",
  "article_version",
  "start",
  "end",
  "claim_text",
  "verdict",
  "rationale",
  "evidence",
  "evidence_urls",
  "reviewer_verdicts",
  "disagreement",
  "decided_by",
  "decided_at",
  "decision_rationale",
  "claim_url",
  "anchor_state",
] as const;

const DANGEROUS_START = /^[=+\-@\t\r]/;

/** Neutralizes a cell a spreadsheet would run as a formula. */
export const neutralizeCell = (value: string) => (DANGEROUS_START.test(value) ? `'${value}` : value);

/**
 * Writes rows (header first) as a CSV file: every cell neutralized, fields
 * with commas, quotes or any line break (a lone LF too, which csv-stringify
 * would leave bare when records end in CRLF) quoted, quotes doubled, CRLF
 * records, a byte-order mark first. Every CSV Claimdesk writes goes through it.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map((v) => neutralizeCell(String(v))));
  return `\uFEFF${stringify(cells, { record_delimiter: "windows", quoted_match: /[",\r\n]/ })}`;
}

/** The CSV rows (header first) before neutralizing and quoting. */
function csvRows(m: ReportModel): (string | number)[][] {
  return [[...CSV_COLUMNS], ...m.claims.map((c) => row(m, c))];
}

function row(m: ReportModel, c: ReportClaim): (string | number)[] {
  const placed = isPlaced(c);
  return [
    c.number,
    m.article.id,
    reportTitle(m),
    m.version.number,
    placed ? c.start : "",
    placed ? c.end : "",
    c.exact,
    VERDICT_LABELS[c.verdict],
    c.rationaleText,
    c.evidence.map(evidenceLine).join("\n"),
    c.evidence
      .map((e) => e.url ?? "")
      .filter(Boolean)
      .join("\n"),
    c.reviews.map((r) => `${r.reviewer.name}: ${VERDICT_LABELS[r.verdict]}`).join("\n"),
    c.cluster ? CLUSTER_KIND_LABELS[c.cluster.kind] : "",
    c.decision?.by.name ?? "",
    c.decision?.at ?? "",
    c.decision?.rationaleText ?? "",
    claimUrl(m, c.number),
    c.anchorState,
  ];
}

/** Builds the CSV report of `m`. */
export const buildCsv = (m: ReportModel): string => toCsv(csvRows(m));
