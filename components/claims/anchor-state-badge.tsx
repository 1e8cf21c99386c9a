"use client";
import type { AnchorState } from "@/lib/schemas/claim";
import "./anchor-state.css";

const TEXT = {
  moved: { label: "Moved", title: "The article was corrected; this claim's words moved and it followed them." },
  drifted: { label: "Drifted", title: "The claim's own words were edited. An editor must confirm where it is now, or re-place it." },
  orphaned: { label: "Orphaned", title: "The claim's words are no longer in the corrected text. An editor must re-place it." },
} as const;

/** Where a claim stands after a correction; nothing for an anchored claim, or without a state. */
export function AnchorStateBadge({ claim }: { claim: { anchorState?: AnchorState; anchorScore?: number | null } }) {
  const state = claim.anchorState;
  if (!state || state === "anchored") return null;
  const t = TEXT[state];
  const score = state === "drifted" && claim.anchorScore != null ? ` ${Math.round(claim.anchorScore * 100)}%` : "";
  return (
    <span className="anchor-badge" data-state={state} data-testid="anchor-state" title={t.title}>
      {t.label}
      {score}
    </span>
  );
}
