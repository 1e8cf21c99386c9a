import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { describeSpan, validateSpan } from "@/lib/anchoring/selectors";
import { canPlaceAnchor } from "@/lib/policies/article";
import type { PlaceAnchorInput } from "@/lib/schemas/claim-anchor";
import type { ClaimDto } from "@/lib/schemas/claim";
import { findArticle } from "@/lib/server/articles/find-article";
import { changeClaim } from "./change-claim";

const PLACE_MESSAGES = {
  empty: "Select the words the claim should cover.",
  "out-of-range": "The new place lies outside the current text.",
  reversed: "The new place ends before it starts.",
  "whitespace-only": "The new place holds only blank space; select words.",
} as const;

/**
 * PATCH /api/claims/{id}/anchor: an editor settles a claim that a correction
 * left drifted or orphaned, by confirming where it drifted to or by placing it
 * on newly selected words of the current version. Either way it is anchored
 * again; the old selectors stay in the audit event's `before`.
 */
export async function placeClaimAnchor(user: CurrentUser, claimId: string, input: PlaceAnchorInput): Promise<ClaimDto> {
  const row = await db.annotation.findFirst({ where: { id: claimId, teamId: user.teamId, deletedAt: null }, select: { articleId: true, versionId: true, anchorState: true } });
  if (!row) throw notFound("Claim not found.");
  if (!canPlaceAnchor(user)) throw new AppError("FORBIDDEN", "Only editors and admins can confirm or re-place a claim.");
  const { current } = await findArticle(user.teamId, row.articleId);
  if (row.versionId !== current.id) throw new AppError("CONFLICT", "The article was corrected again; reload and try once more.");

  if (input.confirm) {
    if (row.anchorState !== "drifted") throw new AppError("INVALID_INPUT", "Only a drifted claim can be confirmed; re-place an orphaned one by selecting text.", { field: "confirm" });
    return changeClaim(user, claimId, input.version, {
      action: "claim.anchor.confirm",
      allowed: (r) => !r.deletedAt,
      data: () => ({ anchorState: "anchored", anchorScore: null }),
    });
  }
  const start = input.start!;
  const end = input.end!;
  const check = validateSpan(current.text, start, end);
  if (!check.ok) throw new AppError("INVALID_INPUT", PLACE_MESSAGES[check.reason], { field: check.reason === "out-of-range" ? "end" : "start" });
  const { quote } = describeSpan(current.text, start, end);
  return changeClaim(user, claimId, input.version, {
    action: "claim.anchor.place",
    allowed: (r) => !r.deletedAt,
    data: () => ({ start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, anchorState: "anchored", anchorScore: null }),
  });
}
