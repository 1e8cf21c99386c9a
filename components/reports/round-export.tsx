"use client";
import { ReportDownloadList } from "./report-download-list";
import "./reports.css";

/** The review page's export: this round's report (its clusters, each reviewer's verdict, the decisions and agreement) in every format. */
export function RoundExport({ articleId, roundId }: { articleId: string; roundId: string }) {
  return (
    <details className="round-export section">
      <summary>Export this round’s report</summary>
      <ReportDownloadList articleId={articleId} round={roundId} />
    </details>
  );
}
