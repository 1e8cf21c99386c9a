"use client";
import Link from "next/link";
import { useQueue } from "@/lib/queries/use-reviews";
import { StatusPill } from "./status-pill";
import { QueryFallback } from "@/components/ui/query-fallback";
import "./review.css";
import { formatDate, formatDateTime } from "@/lib/format-date";
import { ArticleName } from "@/components/articles/article-name";

/** "My queue": the caller's review assignments, work to do first. */
export function QueueList() {
  const queue = useQueue();
  if (queue.isPending || queue.error) return <QueryFallback error={queue.error} loading="Loading your queue…" />;
  if (queue.data.length === 0) return <p className="muted">Nothing to review. Editors assign reviews from the Reviews page.</p>;
  return (
    <table className="data-table data-table--cards" data-testid="queue">
      <thead>
        <tr>
          <th>Article</th>
          <th>Round</th>
          <th>My review</th>
          <th>Due</th>
          <th className="num">My annotations</th>
        </tr>
      </thead>
      <tbody>
        {queue.data.map((q) => (
          <tr key={q.roundId} data-testid="queue-item">
            <td>
              <Link href={q.status === "open" ? `/articles/${q.article.id}` : `/reviews/${q.roundId}`}>
                <ArticleName article={q.article} />
              </Link>
            </td>
            <td data-label="Round">
              <StatusPill status={q.status} />
            </td>
            <td data-label="My review">
              {q.submittedAt ? `Submitted ${formatDateTime(q.submittedAt)}` : q.status === "open" ? "To do" : "Not submitted"}
            </td>
            <td data-label="Due">
              {q.dueDate ? (
                <span className={q.overdue ? "form-error" : undefined}>
                  {formatDate(q.dueDate)}
                  {q.overdue ? " (overdue)" : ""}
                </span>
              ) : (
                "—"
              )}
            </td>
            <td className="num" data-label="My annotations">
              {q.annotationCount}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
