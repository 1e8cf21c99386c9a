"use client";
import { useDeferredValue, useMemo } from "react";
import { normalizeText } from "@/lib/anchoring/normalize-text";
import { reanchor } from "@/lib/anchoring/reanchor";
import type { AnchorState } from "@/lib/schemas/claim";
import type { ClaimDto } from "@/lib/schemas/claim";

const LABELS: Record<AnchorState, string> = {
  anchored: "stay put",
  moved: "move with their words",
  drifted: "will need an editor to confirm",
  orphaned: "will be orphaned",
};

/**
 * What saving the correction would do to the claims, computed in the browser
 * with the server's own re-anchoring code, so nobody is surprised by a drift.
 */
export function CorrectionImpact({ oldText, newText, claims }: { oldText: string; newText: string; claims: ClaimDto[] }) {
  const deferred = useDeferredValue(newText);
  const results = useMemo(() => {
    const live = claims.filter((c) => !c.deletedAt);
    const next = normalizeText(deferred);
    if (next === oldText) return null;
    return reanchor(
      oldText,
      next,
      live.map((c) => ({ ...c, state: c.anchorState, score: c.anchorScore })),
    ).map((r, i) => ({ ...r, claim: live[i]! }));
  }, [oldText, deferred, claims]);
  if (!results) return <p className="muted small">No changes yet.</p>;
  const count = (s: AnchorState) => results.filter((r) => r.state === s).length;
  const attention = results.filter((r) => r.state === "drifted" || r.state === "orphaned");
  return (
    <section className="correction-impact" aria-label="Effect on claims" data-testid="correction-impact">
      <h2>Effect on claims</h2>
      <ul className="impact-counts">
        {(["anchored", "moved", "drifted", "orphaned"] as const).map((s) => (
          <li key={s} data-state={s}>
            <strong>{count(s)}</strong> {LABELS[s]}
          </li>
        ))}
      </ul>
      {attention.length > 0 && (
        <ul className="impact-list">
          {attention.map((r) => (
            <li key={r.id} data-state={r.state}>
              <span className="anchor-badge" data-state={r.state}>
                {r.state === "drifted" ? "Drifted" : "Orphaned"}
              </span>{" "}
              “{r.claim.exact}”
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
