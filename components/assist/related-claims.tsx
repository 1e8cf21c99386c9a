"use client";
import Link from "next/link";
import { useState } from "react";
import type { ClaimDto } from "@/lib/schemas/claim";
import { VERDICT_LABELS } from "@/lib/schemas/claim";
import type { RelatedClaimDto } from "@/lib/schemas/assist";
import { useApplyRelated, useRelatedClaims } from "@/lib/queries/use-assist";
import { formatDate } from "@/lib/format-date";
import { VerdictBadge } from "@/components/claims/verdict-badge";
import { FormError } from "@/components/ui/form-error";
import { previouslyChecked } from "./previously-checked";
import "./assist.css";

const articleName = (r: RelatedClaimDto) => r.outlet ?? r.articleTitle ?? "Untitled article";

/**
 * On a selected claim card: "Also in N other articles", each
 * opening the other article at the sentence, and "Previously checked" with the
 * earlier verdict, rationale and evidence and one action to take them over,
 * which a person confirms first.
 */
export function RelatedClaims({ claim }: { claim: ClaimDto }) {
  const related = useRelatedClaims(claim.id, true);
  if (related.isPending) return <p className="muted related-claims">Looking for this claim in other articles…</p>;
  if (related.error)
    return (
      <p role="alert" className="form-error related-claims">
        {related.error.message}
      </p>
    );
  const rows = related.data;
  if (!rows.length)
    return (
      <p className="muted related-claims" data-testid="related-none">
        Not found in other articles.
      </p>
    );
  const articles = new Set(rows.map((r) => r.articleId)).size;
  const checked = previouslyChecked(rows);
  return (
    <section className="related-claims" aria-label="The same claim elsewhere" data-testid="related-claims">
      {checked && <PreviouslyChecked claim={claim} related={checked} />}
      <details>
        <summary data-testid="related-summary">
          Also in {articles} other {articles === 1 ? "article" : "articles"}
        </summary>
        <ul className="related-list">
          {rows.map((r) => (
            <li key={`${r.articleId}:${r.start}`} data-level={r.level}>
              <Link href={`/articles/${r.articleId}?at=${r.start}-${r.end}`} className="related-link">
                <span className="related-article">{articleName(r)}</span>
                <span className={`related-level related-level--${r.level}`}>{r.level === "strong" ? "Same claim" : "Similar"}</span>
              </Link>
              <q className="related-text">{r.text}</q>
              {r.claim && (
                <span className="related-verdict">
                  <VerdictBadge verdict={r.claim.verdict} />
                </span>
              )}
              <p className="related-reasons muted">{r.reasons.join(" · ")}</p>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function PreviouslyChecked({ claim, related }: { claim: ClaimDto; related: RelatedClaimDto }) {
  const earlier = related.claim!;
  const apply = useApplyRelated(claim.articleId);
  const [confirming, setConfirming] = useState(false);
  const who = earlier.kind === "final" ? "the desk" : (earlier.author ?? "a colleague");
  const same = earlier.verdict === claim.verdict;
  return (
    <div className="previously-checked" data-testid="previously-checked">
      <p>
        <strong>Previously checked:</strong> {VERDICT_LABELS[earlier.verdict]} by {who} on {formatDate(earlier.date.slice(0, 10))}
        <span className="muted"> ({articleName(related)})</span>
      </p>
      {earlier.rationaleHtml && (
        // Stored rationales are sanitized when saved (lib/rich-text/sanitize.ts).
        <div className="rich-text previously-rationale" dangerouslySetInnerHTML={{ __html: earlier.rationaleHtml }} />
      )}
      {earlier.evidence.length > 0 && (
        <ul className="previously-evidence" aria-label="Earlier evidence">
          {earlier.evidence.map((e) => (
            <li key={e.id}>
              {e.url ? (
                <a href={e.url} target="_blank" rel="noreferrer">
                  {e.title}
                </a>
              ) : (
                e.title
              )}{" "}
              <span className="muted">({e.stance})</span>
            </li>
          ))}
        </ul>
      )}
      {claim.can.edit && !confirming && (!same || earlier.evidence.length > 0) && (
        <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
          Apply the same verdict and evidence
        </button>
      )}
      {confirming && (
        <div className="confirm-apply" role="group" aria-label="Confirm">
          <p>
            Set this claim to <strong>{VERDICT_LABELS[earlier.verdict]}</strong>
            {earlier.evidence.length
              ? ` and attach ${earlier.evidence.length} evidence item${earlier.evidence.length === 1 ? "" : "s"}`
              : ""}
            ? Both claims stay linked.
          </p>
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={apply.isPending}
            onClick={() => apply.mutate({ claim, source: earlier.source }, { onSuccess: () => setConfirming(false) })}
          >
            Confirm
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <FormError error={apply.error} />
        </div>
      )}
    </div>
  );
}
