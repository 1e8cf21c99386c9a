"use client";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { VERDICT_KEYS, VerdictButtons } from "@/components/claims/verdict-buttons";
import { isTextEntry } from "@/components/ui/is-text-entry";
import { useKeptDraft } from "@/components/ui/use-kept-draft";
import { sliceCodePoints } from "@/lib/anchoring/offsets";
import { ApiError } from "@/lib/queries/api-client";
import { boundaryOptions, listedBoundary, shortenMiddle } from "@/lib/review/boundary-options";
import { VERDICTS, type Verdict } from "@/lib/schemas/claim";
import type { ClusterDto, DecideClusterInput } from "@/lib/schemas/review";

type Props = {
  cluster: ClusterDto;
  text: string;
  selection: { start: number; end: number } | null;
  onDecide: (input: DecideClusterInput) => Promise<unknown>;
  onDone: () => void;
};

/** The verdict every reviewer of the cluster gave, if they all gave the same one. */
const sharedVerdict = (c: ClusterDto): Verdict | undefined =>
  new Set(c.members.map((m) => m.verdict)).size === 1 ? c.members[0]!.verdict : undefined;
const isBlank = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .trim() === "";

/**
 * Decide a cluster: a boundary (a reviewer's span, the union, the
 * intersection or a custom selection in the text) and a verdict, or reject.
 * The verdict the reviewers shared is preselected. Keys (listed in the form):
 * 1–n pick a boundary, V/D/U a verdict, Ctrl+Enter accepts, Esc (outside
 * the rationale, so typed words are never lost by it) cancels.
 * The form keeps the cluster version it was opened on: if someone decides
 * meanwhile, saving gets 409, the card shows their decision, and what the
 * adjudicator typed stays here until they decide again on the current state.
 */
export function DecisionForm({ cluster, text, selection, onDecide, onDone }: Props) {
  const [version, setVersion] = useState(cluster.version);
  const first = cluster.members[0]!;
  const options = useMemo(() => boundaryOptions(text, cluster.members), [text, cluster.members]);
  // A union listed as a reviewer's span (boundary-options.ts) is chosen as that span.
  const [boundary, setBoundary] = useState(() =>
    listedBoundary(options, cluster.decision?.boundary ?? (cluster.kind === "agreed" ? first.annotationId : "union")),
  );
  const [custom, setCustom] = useState<{ start: number; end: number } | null>(null);
  const [verdict, setVerdict] = useState<Verdict | undefined>(cluster.decision?.verdict ?? sharedVerdict(cluster));
  // Kept for the tab until the decision is saved (../ui/use-kept-draft.ts): a long adjudication note survives leaving the page.
  const { value: rationale, setValue: setRationale, forget } = useKeptDraft(`decision:${cluster.id}`, "");
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const needsRationale = cluster.kind !== "agreed";
  const stale = error?.status === 409;
  const formRef = useRef<HTMLDivElement>(null);
  // Focus comes to the form, so its keys work at once.
  useEffect(() => formRef.current?.focus(), []);

  async function decide(action: "accept" | "reject") {
    // Say what is missing instead of sending what the server would refuse.
    const need =
      action === "accept" && !verdict
        ? "Pick a verdict (V, D or U) to accept."
        : (needsRationale || action === "reject") && isBlank(rationale)
          ? action === "reject"
            ? "Say why this is not a claim."
            : "The reviewers did not agree: explain this decision in the rationale."
          : null;
    setMissing(need);
    if (need) return;
    setSaving(true);
    setError(null);
    try {
      await onDecide({
        version,
        action,
        ...(action === "accept" ? { boundary, verdict, ...(boundary === "custom" && custom ? custom : {}) } : {}),
        rationale,
      });
      forget();
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError("The decision was not saved.", 0));
    } finally {
      setSaving(false);
    }
  }

  function handleKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === "Escape" && !isTextEntry(e.target)) {
      e.preventDefault();
      onDone();
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!saving && !stale) void decide("accept");
    } else if (!e.ctrlKey && !e.metaKey && !e.altKey && !isTextEntry(e.target)) {
      const v = VERDICTS.find((x) => VERDICT_KEYS[x] === e.key.toUpperCase());
      const n = /^[1-9]$/.test(e.key) ? options[Number(e.key) - 1] : undefined;
      if (v) setVerdict(v);
      else if (n && !n.empty) setBoundary(n.value);
      else return;
      e.preventDefault();
      setMissing(null);
    }
  }

  return (
    <div
      className="decision-form"
      data-testid="decision-form"
      ref={formRef}
      tabIndex={-1}
      onKeyDown={handleKeyDown}
      aria-label={`Decide cluster ${cluster.number}`}
      role="group"
    >
      {stale && (
        <div className="conflict-note" role="alert" data-testid="decision-conflict">
          {error.message} Your draft is kept below.{" "}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setVersion(cluster.version);
              setError(null);
            }}
          >
            Decide again on the current state
          </button>
        </div>
      )}
      <fieldset>
        <legend>Boundary</legend>
        {options.map((o, i) => (
          <label key={o.value} className="boundary-option" data-testid="boundary-option">
            <input
              type="radio"
              name={`boundary-${cluster.id}`}
              checked={boundary === o.value}
              disabled={o.empty}
              onChange={() => setBoundary(o.value)}
              aria-keyshortcuts={String(i + 1)}
            />{" "}
            <kbd aria-hidden="true">{i + 1}</kbd> {o.label}
            {o.empty ? (
              <span className="muted">: none (the spans share no characters)</span>
            ) : (
              <>
                {": “"}
                {o.lead && <ins className="boundary-diff">{o.lead}</ins>}
                <span className="boundary-core">{o.core}</span>
                {o.tail && <ins className="boundary-diff">{o.tail}</ins>}
                {"”"}
              </>
            )}
          </label>
        ))}
        <label>
          <input
            type="radio"
            name={`boundary-${cluster.id}`}
            checked={boundary === "custom"}
            disabled={!custom}
            onChange={() => setBoundary("custom")}
          />{" "}
          Custom:{" "}
          {custom ? `“${shortenMiddle(sliceCodePoints(text, custom.start, custom.end), 80)}”` : "select text in the article, then use it"}
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={!selection}
          onClick={() => {
            setCustom(selection);
            setBoundary("custom");
          }}
        >
          Use the text selection
        </button>
      </fieldset>
      <fieldset>
        <legend>
          Verdict
          {sharedVerdict(cluster) && !cluster.decision ? (
            <span className="muted small"> (the reviewers’ shared verdict is preselected)</span>
          ) : null}
        </legend>
        <VerdictButtons
          current={verdict}
          onPick={(v) => {
            setVerdict(v);
            setMissing(null);
          }}
        />
      </fieldset>
      <RichTextEditor
        value={rationale}
        onChange={setRationale}
        ariaLabel="Decision rationale"
        placeholder={needsRationale ? "Required: why this boundary and verdict?" : "Optional for agreed clusters"}
      />
      <p className="muted small decision-note">
        {needsRationale
          ? "Your rationale comes first in the claim, then the reviewers’ rationales and evidence with their names."
          : "The reviewers’ rationales and evidence go into the claim with their names; your rationale, if any, comes first."}
      </p>
      {missing && (
        <p role="alert" className="form-error" data-testid="decision-missing">
          {missing}
        </p>
      )}
      {error && !stale && (
        <p role="alert" className="form-error" data-field={error.field}>
          {error.message}
        </p>
      )}
      <div className="row-actions">
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={saving || stale}
          onClick={() => decide("accept")}
          aria-keyshortcuts="Control+Enter"
        >
          Accept
        </button>
        <button type="button" className="btn btn-small btn-danger" disabled={saving || stale} onClick={() => decide("reject")}>
          Reject: not a claim
        </button>
        <button type="button" className="btn btn-small" disabled={saving} onClick={onDone} aria-keyshortcuts="Escape">
          Cancel
        </button>
      </div>
      <p className="muted small shortcut-list" data-testid="decision-shortcuts">
        Keys:{" "}
        {options.length > 1 && (
          <>
            <kbd>1</kbd>–<kbd>{options.length}</kbd> boundary ·{" "}
          </>
        )}
        <kbd>V</kbd> <kbd>D</kbd> <kbd>U</kbd> verdict · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> accept · <kbd>Esc</kbd> cancel (outside the
        rationale)
      </p>
    </div>
  );
}
