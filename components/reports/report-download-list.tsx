"use client";
import { reportUrl, type ReportUrlOptions } from "@/lib/queries/use-reports";

/** The formats offered, in the order newsrooms ask for them. */
const FORMATS = [
  { format: "html", label: "HTML report", hint: "one file, prints well" },
  { format: "pdf", label: "PDF report", hint: "for the standards editor" },
  { format: "md", label: "Markdown", hint: "for a CMS or a wiki" },
  { format: "csv", label: "CSV", hint: "one row per claim" },
  { format: "claimreview", label: "ClaimReview JSON-LD", hint: "schema.org, for search engines" },
  { format: "w3c", label: "W3C Web Annotations", hint: "for other annotation tools" },
] as const;

type Format = (typeof FORMATS)[number]["format"];

/** The formats whose claim URLs point into the published report (the others ignore `publishUrl`). */
const LINKS_CLAIMS = new Set<string>(["claimreview", "csv"]);

/**
 * One download link per report format, of an article or (with `round`) of
 * one of its review rounds. A format in `unavailable` is listed without a
 * link, with the reason in its place (ClaimReview before there is a public
 * page to point at), rather than a link the server would refuse.
 */
export function ReportDownloadList({
  articleId,
  round,
  publishUrl,
  unavailable = {},
}: { articleId: string; unavailable?: Partial<Record<Format, string>> } & ReportUrlOptions) {
  return (
    <ul className="export-menu-list">
      {FORMATS.map((f) => {
        const why = unavailable[f.format];
        return (
          <li key={f.format}>
            {why ? (
              <span className="export-menu-unavailable" data-format={f.format} aria-disabled="true">
                {f.label} <span className="muted small">{why}</span>
              </span>
            ) : (
              <a
                href={reportUrl(articleId, f.format, { round, publishUrl: LINKS_CLAIMS.has(f.format) ? publishUrl : null })}
                download
                data-format={f.format}
              >
                {f.label} <span className="muted small">{f.hint}</span>
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
