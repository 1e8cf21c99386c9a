"use client";
import { useState } from "react";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { VerdictButtons } from "@/components/claims/verdict-buttons";
import { sliceCodePoints } from "@/lib/anchoring/offsets";
import { ApiError } from "@/lib/queries/api-client";
import type { Verdict } from "@/lib/schemas/claim";
import type { ClusterDto, DecideClusterInput } from "@/lib/schemas/review";

type Props = {
  cluster: ClusterDto;
  text: string;
  selection: { start: number; end: number } | null;
  onDecide: (input: DecideClusterInput) => Promise<unknown>;
  onDone: () => void;
};

const short = (s: string, n = 50) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * Decide a cluster: a boundary (a reviewer's span, the union, the
 * intersection or a custom selection in the text) and a verdict, or reject.
 * The form keeps the cluster version it was opened on: if someone decides
 * meanwhile, saving gets 409, the card shows their decision, and what the
 * adjudicator typed stays here until they decide again on the current state.
 */
export function DecisionForm({ cluster, text, selection, onDecide, onDone }: Props) {
  const [version, setVersion] = useState(cluster.version);
  const first = cluster.members[0]!;
  const [boundary, setBoundary] = useState(cluster.decision?.boundary ?? (cluster.kind === "agreed" ? first.annotationId : "union"));
  const [custom, setCustom] = useState<{ start: number; end: number } | null>(null);
  const [verdict, setVerdict] = useState<Verdict | undefined>(cluster.decision?.verdict ?? (cluster.kind === "agreed" ? first.verdict : undefined));
  const [rationale, setRationale] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const needsRationale = cluster.kind !== "agreed";
  const stale = error?.status === 409;

  async function decide(action: "accept" | "reject") {
    setSaving(true);
    setError(null);
    try {
      await onDecide({ version, action, ...(action === "accept" ? { boundary, verdict, ...(boundary === "custom" && custom ? custom : {}) } : {}), rationale });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError("The decision was not saved.", 0));
    } finally {
      setSaving(false);
    }
  }

  const options = [
    ...cluster.members.map((m) => ({ value: m.annotationId, label: `${m.reviewer.name}'s span: “${short(m.exact)}”` })),
    { value: "union", label: "Union of all spans" },
    { value: "intersection", label: "Intersection (characters all spans share)" },
  ];
  return (
    <div className="decision-form" data-testid="decision-form">
      {stale && (
        <div className="conflict-note" role="alert" data-testid="decision-conflict">
          {error.message} Your draft is kept below.{" "}
          <button type="button" className="btn btn-small" onClick={() => { setVersion(cluster.version); setError(null); }}>Decide again on the current state</button>
        </div>
      )}
      <fieldset>
        <legend>Boundary</legend>
        {options.map((o) => (
          <label key={o.value}>
            <input type="radio" name={`boundary-${cluster.id}`} checked={boundary === o.value} onChange={() => setBoundary(o.value)} /> {o.label}
          </label>
        ))}
        <label>
          <input type="radio" name={`boundary-${cluster.id}`} checked={boundary === "custom"} disabled={!custom} onChange={() => setBoundary("custom")} />{" "}
          Custom: {custom ? `“${short(sliceCodePoints(text, custom.start, custom.end))}”` : "select text in the article, then use it"}
        </label>
        <button type="button" className="btn btn-small" disabled={!selection} onClick={() => { setCustom(selection); setBoundary("custom"); }}>
          Use the text selection
        </button>
      </fieldset>
      <fieldset>
        <legend>Verdict</legend>
        <VerdictButtons current={verdict} onPick={setVerdict} />
      </fieldset>
      <RichTextEditor value={rationale} onChange={setRationale} ariaLabel="Decision rationale" placeholder={needsRationale ? "Required: why this boundary and verdict?" : "Optional for agreed clusters"} />
      {error && !stale && <p role="alert" className="form-error" data-field={error.field}>{error.message}</p>}
      <div className="row-actions">
        <button type="button" className="btn btn-primary btn-small" disabled={saving || stale || !verdict} onClick={() => decide("accept")}>Accept</button>
        <button type="button" className="btn btn-small btn-danger" disabled={saving || stale} onClick={() => decide("reject")}>Reject: not a claim</button>
        <button type="button" className="btn btn-small" disabled={saving} onClick={onDone}>Cancel</button>
      </div>
    </div>
  );
}
