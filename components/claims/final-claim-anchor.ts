import type { AnchorState, ClaimDto } from "@/lib/schemas/claim";

type Anchored = { anchorState: AnchorState; anchorScore: number | null };

/**
 * What AnchorStateBadge should show for a final claim. Only a drifted or
 * orphaned claim gets a badge: a moved one is still on the words that were checked.
 */
export function finalClaimAnchor(claim: Anchored): Pick<ClaimDto, "anchorState" | "anchorScore"> {
  const state = claim.anchorState;
  return { anchorState: state === "drifted" || state === "orphaned" ? state : undefined, anchorScore: claim.anchorScore };
}

/**
 * What an editor may do about a final claim's place in the Outcome panel:
 * confirm a drifted claim where the correction put it, or place a drifted or
 * orphaned claim on words selected in the article. Nothing for a claim on
 * the words that were checked, and nothing without `canPlace` (editors and
 * admins: lib/policies/article.ts).
 */
export function finalClaimAnchorActions(claim: Anchored, canPlace: boolean): { confirm: boolean; place: boolean } {
  const state = finalClaimAnchor(claim).anchorState;
  return { confirm: canPlace && state === "drifted", place: canPlace && !!state };
}
