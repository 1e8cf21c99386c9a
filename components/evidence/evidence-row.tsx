"use client";
import type { EvidenceDto } from "@/lib/schemas/evidence";
import { EvidenceSummary } from "./evidence-summary";
import { ExternalLink } from "@/components/ui/external-link";

/** One item in the library list, with its use count and actions. */
export function EvidenceRow({ item, onEdit, onDelete }: { item: EvidenceDto; onEdit: () => void; onDelete: () => void }) {
  return (
    <article className="evidence-row" data-testid="evidence-row" data-evidence-id={item.id}>
      <EvidenceSummary item={item} as="div" />
      {item.url && (
        <div className="evidence-meta">
          <ExternalLink href={item.url}>{item.url}</ExternalLink>
        </div>
      )}
      {item.quote && <blockquote className="evidence-quote">{item.quote}</blockquote>}
      <div className="evidence-meta">
        <span data-testid="use-count">{item.useCount === 1 ? "Used by 1 claim" : `Used by ${item.useCount} claims`}</span>
        {item.sources.length > 0 && (
          <span>
            {item.sources.length} {item.sources.length === 1 ? "source" : "sources"}
          </span>
        )}
      </div>
      {(item.can.edit || item.can.delete) && (
        <div className="row-actions">
          {item.can.edit && (
            <button type="button" className="btn btn-small" onClick={onEdit} aria-label={`Edit “${item.title}”`}>
              Edit
            </button>
          )}
          {item.can.delete && (
            <button type="button" className="btn btn-small btn-danger" onClick={onDelete} aria-label={`Delete “${item.title}”`}>
              Delete
            </button>
          )}
        </div>
      )}
    </article>
  );
}
