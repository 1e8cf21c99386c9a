"use client";
import { ReportDownloadList } from "./report-download-list";
import "./reports.css";

const ROUND_CLAIMREVIEW_HINT = "from the article’s Export menu once the fact-check is published: a round’s report is the desk’s own.";

/**
 * The review page's export: this round's report (its clusters, each reviewer's verdict, the decisions and agreement)
 * in every format but ClaimReview, which is made from the published fact-check (the article's Export menu): a round's
 * report has no public page to point search engines at.
 */
export function RoundExport({ articleId, roundId }: { articleId: string; roundId: string }) {
  return (
    <details className="round-export section">
      <summary>Export this round’s report</summary>
      <ReportDownloadList articleId={articleId} round={roundId} unavailable={{ claimreview: ROUND_CLAIMREVIEW_HINT }} />
    </details>
  );
}
