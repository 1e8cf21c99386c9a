import type { ClaimDto } from "@/lib/schemas/claim";

const field = (o: object, key: string): unknown => (key in o ? (o as Record<string, unknown>)[key] : undefined);

/**
 * What AnchorStateBadge should show for a final claim. It is read
 * defensively, because a FinalClaim carries `anchorState` only once Claim
 * rows are re-anchored after corrections. Only a drifted or orphaned claim
 * gets a badge: a moved one is still on the words that were checked.
 */
export function finalClaimAnchor(claim: object): Pick<ClaimDto, "anchorState" | "anchorScore"> {
  const state = field(claim, "anchorState");
  const score = field(claim, "anchorScore");
  return { anchorState: state === "drifted" || state === "orphaned" ? state : undefined, anchorScore: typeof score === "number" ? score : null };
}

/**
 * What an editor may do about a final claim's place in the Outcome panel:
 * confirm a drifted claim where the correction put it, or place a drifted or
 * orphaned claim on words selected in the article. Nothing for a claim on
 * the words that were checked, and nothing without `canPlace` (editors and
 * admins: lib/policies/article.ts).
 */
export function finalClaimAnchorActions(claim: object, canPlace: boolean): { confirm: boolean; place: boolean } {
  const state = finalClaimAnchor(claim).anchorState;
  return { confirm: canPlace && state === "drifted", place: canPlace && !!state };
}
