import { VerdictBadge } from "@/components/claims/verdict-badge";
import type { AnnotationOutcomeDto } from "@/lib/schemas/review";
import { outcomeText } from "./outcome-badge";

/** The caller's own annotations in this round and how each was decided. */
export function FeedbackList({ items }: { items: AnnotationOutcomeDto[] }) {
  return (
    <section className="section" aria-label="Your annotations">
      <h2>Your annotations</h2>
      <table className="data-table data-table--wide" data-testid="feedback">
        <thead>
          <tr>
            <th>You marked</th>
            <th>Your verdict</th>
            <th>Outcome</th>
            <th>Adjudicator's rationale</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.annotationId} data-testid="feedback-row" data-outcome={o.outcome}>
              <td>
                <blockquote className="claim-quote">{o.exact}</blockquote>
              </td>
              <td>
                <VerdictBadge verdict={o.verdict} />
              </td>
              <td>
                {outcomeText(o)}
                {o.claim && o.outcome === "changed" && <blockquote className="claim-quote">{o.claim.exact}</blockquote>}
              </td>
              {/* Stored rationales are sanitized when saved. */}
              <td className="rich-text" dangerouslySetInnerHTML={{ __html: o.decisionRationaleHtml ?? "" }} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
