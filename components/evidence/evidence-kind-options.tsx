import { EVIDENCE_KINDS, EVIDENCE_KIND_LABELS } from "@/lib/schemas/evidence";

/** One `<option>` per evidence kind, in the schema's order, named by its label. */
export function EvidenceKindOptions() {
  return EVIDENCE_KINDS.map((k) => (
    <option key={k} value={k}>
      {EVIDENCE_KIND_LABELS[k]}
    </option>
  ));
}
