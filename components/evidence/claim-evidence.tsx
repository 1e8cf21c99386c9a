"use client";
import { useState } from "react";
import type { ClaimDto } from "@/lib/schemas/claim";
import { useClaimEvidence, useClaimEvidenceMutations } from "@/lib/queries/use-evidence";
import { EvidenceLinkRow } from "./evidence-link-row";
import { EvidenceAdder } from "./evidence-adder";
import { FormError } from "@/components/ui/form-error";
import "./evidence.css";

/**
 * The evidence section of a claim card: attached items with their stance
 * (tombstones marked deleted), date warnings, and, on the selected card of a
 * claim the user may edit, the controls to attach, re-weigh and detach.
 */
export function ClaimEvidence({ claim, selected }: { claim: ClaimDto; selected: boolean }) {
  // One request per card would be N requests on opening an article: only cards with evidence, or the selected one, ask.
  const { data, error, hints } = useClaimEvidence(claim.id, { enabled: selected || (claim.evidenceCount ?? 0) > 0, words: claim.exact });
  const m = useClaimEvidenceMutations(claim.id);
  const [failure, setFailure] = useState<string | null>(null);
  const fail = (e: Error) => setFailure(e.message);
  const editing = selected && claim.can.edit;
  const links = data?.links ?? [];
  if (!editing && links.length === 0 && !hints.length) return null;

  return (
    <section className="claim-evidence" aria-label={`Evidence for claim “${claim.exact.slice(0, 40)}”`} data-testid="claim-evidence">
      <h3>Evidence</h3>
      <FormError error={error} />
      {hints.map((h) => (
        <p key={h.evidenceId} className="date-hint" role="note" data-testid="date-hint">
          <span aria-hidden="true">⚠ </span>
          {h.message}
        </p>
      ))}
      {links.length > 0 && (
        <ul className="stack-list claim-evidence-list">
          {links.map((link) => (
            <EvidenceLinkRow
              key={link.id}
              link={link}
              editing={editing}
              onStance={(stance) => m.setStance.mutate({ link, stance }, { onError: fail })}
              onDetach={() => m.detach.mutate(link, { onError: fail })}
            />
          ))}
        </ul>
      )}
      <FormError error={failure} />
      {editing && (
        <EvidenceAdder
          excludeIds={links.map((l) => l.evidence.id)}
          onAttach={(item, stance, pinpoint) => {
            setFailure(null);
            m.attach.mutate({ item, stance, pinpoint }, { onError: fail });
          }}
          onCreate={(evidence, stance, pinpoint) => {
            setFailure(null);
            return m.attachNew.mutateAsync({ evidence, stance, pinpoint });
          }}
        />
      )}
    </section>
  );
}
