"use client";
import { useCallback, useMemo, useState } from "react";
import { ArticleViewer, type ViewerClaim } from "@/components/editor/article-viewer";
import { useDecisions } from "@/lib/queries/use-decisions";
import type { RoundDetailDto } from "@/lib/schemas/review";
import { ClusterCard } from "./cluster-card";

/**
 * The adjudication screen: the round's text with every cluster highlighted
 * on the left, the clusters with each reviewer's reading side by side on the
 * right. Selecting text in the article offers it as a custom boundary.
 */
export function AdjudicationView({ round }: { round: RoundDetailDto }) {
  const decisions = useDecisions(round);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [flash, setFlash] = useState<{ id: string; nonce: number } | null>(null);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [bulkError, setBulkError] = useState<string | null>(null);
  const clusters = round.clusters;
  const open = clusters.filter((c) => c.status === "open").length;
  const agreedOpen = clusters.filter((c) => c.kind === "agreed" && c.status === "open");

  const highlights = useMemo<ViewerClaim[]>(
    // A rejected cluster is drawn as rejected (no verdict colour), so the text shows what is left to decide and what became claims.
    () =>
      clusters.map((c) => ({
        id: c.id,
        start: c.start,
        end: c.end,
        verdict: c.claim?.verdict ?? c.members[0]!.verdict,
        state: c.status === "rejected" ? ("rejected" as const) : ("saved" as const),
      })),
    [clusters],
  );
  const select = useCallback((id: string) => {
    setSelectedId(id);
    setFlash({ id, nonce: Date.now() });
    document.getElementById(`cluster-card-${id}`)?.scrollIntoView({ block: "nearest" });
  }, []);

  return (
    <section className="section" aria-label="Adjudication">
      <h2>
        Clusters{" "}
        <span className="muted">
          {clusters.length} · {open} open
        </span>
      </h2>
      {round.can.decide && agreedOpen.length > 0 && (
        <p>
          <button
            type="button"
            className="btn"
            disabled={decisions.acceptAgreed.isPending}
            onClick={() => {
              setBulkError(null);
              decisions.acceptAgreed.mutate(
                agreedOpen.map((c) => ({ id: c.id, version: c.version })),
                { onError: (e) => setBulkError(e.message) },
              );
            }}
          >
            Accept all {agreedOpen.length} agreed cluster{agreedOpen.length === 1 ? "" : "s"}
          </button>
          {bulkError && (
            <span role="alert" className="form-error">
              {" "}
              {bulkError}
            </span>
          )}
        </p>
      )}
      <div className="adjudication">
        <div className="adjudication-text">
          <ArticleViewer
            text={round.text}
            lineKinds={round.lineKinds}
            claims={highlights}
            selectedClaimId={selectedId}
            flash={flash}
            onClaimClick={select}
            onSelectionChange={(s) => setSelection(s && { start: s.start, end: s.end })}
          />
        </div>
        {clusters.length === 0 && <p className="muted">No reviewer marked a claim in this round, so there is nothing to adjudicate.</p>}
        <ol className="stack-list cluster-list">
          {clusters.map((c) => (
            <li key={c.id}>
              <ClusterCard
                cluster={c}
                text={round.text}
                selected={c.id === selectedId}
                canDecide={round.can.decide}
                canComment={round.can.comment}
                selection={selection}
                onSelect={() => select(c.id)}
                onDecide={(input) => decisions.decide.mutateAsync({ clusterId: c.id, input })}
              />
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
