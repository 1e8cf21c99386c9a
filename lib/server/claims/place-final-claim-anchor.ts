import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { PlaceAnchorInput } from "@/lib/schemas/claim-anchor";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { publishEvent } from "@/lib/events/event-bus";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { assertCanSeeOutcome } from "@/lib/server/visibility/assert-outcome";
import { anchorPlacement } from "./anchor-placement";
import { findRoundFinalClaim } from "./list-final-claims";
import type { FinalClaim } from "@/lib/schemas/final-claim";
import { anchorFieldsSelect } from "@/lib/server/claims/anchor-fields-select";

/** The flat columns audited before and after (no relations: they are read inside the transaction). */
const auditColumns = {
  id: true,
  articleId: true,
  versionId: true,
  clusterId: true,
  ...anchorFieldsSelect,
  verdict: true,
  anchorState: true,
  anchorScore: true,
  version: true,
  deletedAt: true,
} as const;

/**
 * PATCH /api/final-claims/{id}/anchor: an editor settles a final claim of a
 * closed review round (a Claim row) that a correction left drifted or
 * orphaned, as placeClaimAnchor does for annotations and with the same
 * checks (lib/server/claims/anchor-placement.ts): confirm a drifted claim
 * where it is, or re-place it on selected words of the current version.
 *
 * 404 for another team's or a deleted claim; 403 for a reviewer, and for an
 * editor who reviews the article blind right now (they may not see the
 * outcome); 409 with the current final claim when the version is stale.
 * The old selectors stay in the audit event's `before`.
 */
export async function placeFinalClaimAnchor(user: Viewer, claimId: string, input: PlaceAnchorInput): Promise<FinalClaim> {
  if (!claimId) throw notFound("Claim not found.");
  const before = await db.claim.findFirst({ where: { id: claimId, teamId: user.teamId, deletedAt: null }, select: auditColumns });
  if (!before) throw notFound("Claim not found.");
  assertCanSeeOutcome(user.visibility, before.articleId);
  const current = async () => (await findRoundFinalClaim(user.visibility, claimId)) ?? undefined;
  const { action, data } = await anchorPlacement(user, before, input, current);
  if (before.version !== input.version) throw await conflict(user, claimId);

  const after = await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, teamId: user.teamId, version: input.version, deletedAt: null },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) return null;
    const row = await tx.claim.findFirstOrThrow({ where: { id: claimId, teamId: user.teamId }, select: auditColumns });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action,
      objectType: "claim",
      objectId: claimId,
      before,
      after: row,
    });
    return row;
  });
  if (!after) throw await conflict(user, claimId);
  // A final claim is its cluster's outcome: a "cluster" event refreshes the article (its final claims) and the review pages.
  publishEvent({ team: user.teamId, article: after.articleId, kind: "cluster", id: after.clusterId ?? after.id, version: null });
  const claim = await findRoundFinalClaim(user.visibility, claimId);
  if (!claim) throw notFound("Claim not found.");
  return claim;
}

async function conflict(user: Viewer, claimId: string) {
  const current = await findRoundFinalClaim(user.visibility, claimId);
  if (!current) return notFound("Claim not found.");
  return new AppError("CONFLICT", "Someone changed this claim in the meantime. Here is the current version.", { current });
}
