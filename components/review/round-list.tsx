"use client";
import Link from "next/link";
import { useRounds } from "@/lib/queries/use-reviews";
import { StatusPill } from "./status-pill";
import { QueryFallback } from "@/components/ui/query-fallback";

/** The team's review rounds with their progress. */
export function RoundList() {
  const rounds = useRounds();
  if (rounds.isPending || rounds.error) return <QueryFallback error={rounds.error} loading="Loading reviews…" />;
  if (rounds.data.length === 0) return <p className="muted">No reviews yet.</p>;
  return (
    <table className="data-table" data-testid="round-list">
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
              <Link href={`/reviews/${r.id}`}>{r.article.title ?? "Untitled article"}</Link>
            </td>
            <td>
              <StatusPill status={r.status} />
            </td>
            <td>
              {r.reviewers.filter((x) => x.submittedAt).length} of {r.reviewers.length} submitted
              <div className="muted small">{r.reviewers.map((x) => x.name).join(", ")}</div>
            </td>
            <td>{r.adjudicator.name}</td>
            <td>{r.dueDate ?? "—"}</td>
            <td className="num">{r.status === "open" ? "—" : `${r.clusterCounts.open} of ${r.clusterCounts.total}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
