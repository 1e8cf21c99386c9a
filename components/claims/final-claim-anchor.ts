import type { AnchorState } from "@/lib/schemas/claim";

/** A final claim or an annotation (ClaimDto); no anchorState means no badge. */
type Anchored = { anchorState?: AnchorState; anchorScore?: number | null };

/** Whether a correction left the claim for an editor to settle: drifted or orphaned. */
export function needsEditor(claim: Anchored): boolean {
  return claim.anchorState === "drifted" || claim.anchorState === "orphaned";
}

/**
 * What AnchorStateBadge should show for a final claim. Only a drifted or
 * orphaned claim gets a badge: a moved one is still on the words that were checked.
 */
export function finalClaimAnchor(claim: Anchored): Anchored {
  return { anchorState: needsEditor(claim) ? claim.anchorState : undefined, anchorScore: claim.anchorScore };
}

/**
 * What an editor may do about a claim's place after a correction (the
 * Outcome panel's final claims, the orphan list's annotations): confirm a
 * drifted claim where the correction put it, or place a drifted or orphaned
 * claim on words selected in the article. Nothing for a claim on the words
 * that were checked, and nothing without `canPlace` (editors and admins:
 * lib/policies/article.ts).
 */
export function finalClaimAnchorActions(claim: Anchored, canPlace: boolean): { confirm: boolean; place: boolean } {
  return { confirm: canPlace && claim.anchorState === "drifted", place: canPlace && needsEditor(claim) };
}
