"use client";
import { useState } from "react";
import { useRoundActions } from "@/lib/queries/use-reviews";
import type { RoundSummaryDto } from "@/lib/schemas/review";
import { formatDateTime } from "@/lib/format-date";
import { FormError } from "@/components/ui/form-error";

/**
 * Who has submitted, and (for editors) how many annotations each reviewer
 * made; never what they marked. Editors end the blind phase or close the round here.
 */
export function RoundProgress({ round }: { round: RoundSummaryDto }) {
  const actions = useRoundActions(round);
  const [error, setError] = useState<string | null>(null);
  const run = (m: typeof actions.reveal, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    setError(null);
    m.mutate(round.version, { onError: (e) => setError((e as Error).message) });
  };
  const waiting = round.reviewers.filter((r) => !r.submittedAt).length;
  return (
    <section className="section" aria-label="Progress">
      <h2>Reviewers</h2>
      <table className="data-table" data-testid="round-progress">
        <thead>
          <tr>
            <th>Reviewer</th>
            <th>Review</th>
            <th className="num">Annotations</th>
          </tr>
        </thead>
        <tbody>
          {round.reviewers.map((r) => (
            <tr key={r.id} data-testid="progress-row" data-reviewer={r.id}>
              <td>{r.name}</td>
              <td data-testid="progress-state">
                {r.submittedAt ? `Submitted ${formatDateTime(r.submittedAt)}` : round.status === "open" ? "In progress" : "Not submitted"}
              </td>
              <td className="num" data-testid="progress-count">
                {r.annotationCount ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row-actions">
        {round.can.reveal && (
          <button
            type="button"
            className="btn"
            disabled={actions.reveal.isPending}
            onClick={() =>
              run(
                actions.reveal,
                waiting ? `${waiting} reviewer(s) have not submitted. Their drafts will be left out. End the blind phase now?` : undefined,
              )
            }
          >
            End blind phase and reveal
          </button>
        )}
        {round.can.close && (
          <button type="button" className="btn btn-primary" disabled={actions.close.isPending} onClick={() => run(actions.close)}>
            Close the round
          </button>
        )}
      </div>
      <FormError error={error} />
    </section>
  );
}
