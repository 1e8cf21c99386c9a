"use client";
import type { EvidenceLinkDto, Stance } from "@/lib/schemas/evidence";
import { EvidenceSummary } from "./evidence-summary";
import { StanceBadge } from "./stance-badge";
import { StanceSelect } from "./stance-select";

/** One item attached to a claim: stance, the item (marked deleted if it is a tombstone), pinpoint; editable when `editing`. */
export function EvidenceLinkRow({
  link,
  editing,
  onStance,
  onDetach,
}: {
  link: EvidenceLinkDto;
  editing: boolean;
  onStance: (s: Stance) => void;
  onDetach: () => void;
}) {
  const pending = link.id.startsWith("pending-");
  return (
    <li
      className={`evidence-link${pending ? " is-pending" : ""}`}
      data-testid="evidence-link"
      data-stance={link.stance}
      data-deleted={link.evidence.deletedAt ? "true" : undefined}
    >
      <div className="evidence-link-head">
        <StanceBadge stance={link.stance} />
        <EvidenceSummary item={link.evidence} />
      </div>
      {link.pinpoint && <span className="muted small">“{link.pinpoint}”</span>}
      {editing && link.can.edit && !pending && (
        <div className="row">
          <StanceSelect label={`Stance of “${link.evidence.title}”`} value={link.stance} onChange={onStance} />
          <button type="button" className="btn btn-small" onClick={onDetach} aria-label={`Detach “${link.evidence.title}”`}>
            Detach
          </button>
        </div>
      )}
    </li>
  );
}
