"use client";
import type { AnchorState } from "@/lib/schemas/claim";
import "./anchor-state.css";

const TEXT = {
  moved: { label: "Moved", title: "The article was corrected; this claim's words moved and it followed them." },
  drifted: { label: "Drifted", title: "The claim's own words were edited. An editor must confirm where it is now, or re-place it." },
  orphaned: { label: "Orphaned", title: "The claim's words are no longer in the corrected text. An editor must re-place it." },
} as const;

export type AnchorFields = { anchorState?: AnchorState; anchorScore?: number | null };

/** The badge's words ("Drifted 86%"), or null for an anchored claim: also part of the claim card's accessible name. */
export function anchorStateText(claim: AnchorFields): string | null {
  const state = claim.anchorState;
  if (!state || state === "anchored") return null;
  const score = state === "drifted" && claim.anchorScore != null ? ` ${Math.round(claim.anchorScore * 100)}%` : "";
  return `${TEXT[state].label}${score}`;
}

/** Where a claim stands after a correction; nothing for an anchored claim. */
export function AnchorStateBadge({ claim }: { claim: AnchorFields }) {
  const text = anchorStateText(claim);
  if (!text) return null;
  return (
    <span
      className="anchor-badge"
      data-state={claim.anchorState}
      data-testid="anchor-state"
      title={TEXT[claim.anchorState as keyof typeof TEXT].title}
    >
      {text}
    </span>
  );
}
