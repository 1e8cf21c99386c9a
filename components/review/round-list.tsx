"use client";
import Link from "next/link";
import { useRounds } from "@/lib/queries/use-reviews";
import { StatusPill } from "./status-pill";
import { QueryFallback } from "@/components/ui/query-fallback";
import { formatDate } from "@/lib/format-date";
import { ArticleName } from "@/components/articles/article-name";

/** The team's review rounds with their progress. */
export function RoundList() {
  const rounds = useRounds();
  if (rounds.isPending || rounds.error) return <QueryFallback error={rounds.error} loading="Loading reviews…" />;
  if (rounds.data.length === 0) return <p className="muted">No reviews yet.</p>;
  return (
    <table className="data-table data-table--cards" data-testid="round-list">
      <thead>
        <tr>
          <th>Article</th>
          <th>Status</th>
          <th>Reviewers</th>
          <th>Adjudicator</th>
          <th>Due</th>
          <th className="num">Open clusters</th>
        </tr>
      </thead>
      <tbody>
        {rounds.data.map((r) => (
          <tr key={r.id}>
            <td>
              <Link href={`/reviews/${r.id}`}>
                <ArticleName article={r.article} />
              </Link>
            </td>
            <td data-label="Status">
              <StatusPill status={r.status} />
            </td>
            <td data-label="Reviewers">
              {r.reviewers.filter((x) => x.submittedAt).length} of {r.reviewers.length} submitted
              <div className="muted small">{r.reviewers.map((x) => x.name).join(", ")}</div>
            </td>
            <td data-label="Adjudicator">{r.adjudicator.name}</td>
            <td data-label="Due">{r.dueDate ? formatDate(r.dueDate) : "—"}</td>
            <td className="num" data-label="Open clusters">
              {r.status === "open" ? "—" : `${r.clusterCounts.open} of ${r.clusterCounts.total}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
