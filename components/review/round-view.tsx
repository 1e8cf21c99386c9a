"use client";
import Link from "next/link";
import { useRound } from "@/lib/queries/use-reviews";
import { formatDate } from "@/lib/format-date";
import { StatusPill } from "./status-pill";
import { RoundProgress } from "./round-progress";
import { FeedbackList } from "./feedback-list";
import { AdjudicationView } from "./adjudication-view";
import { AgreementPanel } from "./agreement-panel";
import { RoundVersionNotice } from "./round-version-notice";
import { RoundExport } from "@/components/reports/round-export";
import { QueryFallback } from "@/components/ui/query-fallback";
import "./review.css";
import { ArticleName } from "@/components/articles/article-name";

/** /reviews/{id}: progress during the blind phase; clusters, decisions, feedback and agreement after the reveal. */
export function RoundView({ roundId }: { roundId: string }) {
  const round = useRound(roundId);
  if (round.isPending || round.error) return <QueryFallback error={round.error} loading="Loading the review…" />;
  const r = round.data;
  return (
    <>
      <div className="round-head">
        <h1>
          Review of{" "}
          <Link href={`/articles/${r.article.id}`}>
            <ArticleName article={r.article} />
          </Link>
        </h1>
        <StatusPill status={r.status} />
      </div>
      <p className="round-meta">
        Adjudicator {r.adjudicator.name} · started by {r.createdBy.name} on {formatDate(r.createdAt.slice(0, 10))}
        {r.dueDate && ` · due ${formatDate(r.dueDate)}`}
      </p>
      <RoundVersionNotice round={r} />
      <RoundProgress round={r} />
      {r.feedback.length > 0 && <FeedbackList items={r.feedback} />}
      {r.status !== "open" && <AdjudicationView round={r} />}
      {r.status !== "open" && <AgreementPanel roundId={r.id} />}
      {/* Before the reveal a round has no decided claims, so there is nothing to report. */}
      {r.status !== "open" && <RoundExport articleId={r.article.id} roundId={r.id} />}
    </>
  );
}
