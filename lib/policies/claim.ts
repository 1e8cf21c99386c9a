import { may } from "./permissions";
import type { Role } from "./roles";
import { canAdjudicateRole, roundAnnotationEditBlock, type RoundAnnotationSubject } from "./round";

/** Who may do what to a claim (annotation). Pure: used by the server and sent to the client to hide controls. */
export type ClaimActor = { id: string; role: Role };
/** Round fields are optional: without them the claim is treated as made outside a review round. */
export type ClaimSubject = { authorId: string; deletedAt?: Date | string | null } & Omit<RoundAnnotationSubject, "authorId">;

/** Every member annotates: reviewers, editors and admins. */
export const canCreateClaim = (_actor: ClaimActor) => true;

/**
 * Authors edit their own claims; editors and admins edit any claim of their
 * team. Annotations made in a review round follow lib/policies/round.ts
 * (author only, drafts only, frozen after the reveal).
 */
export const canEditClaim = (actor: ClaimActor, claim: ClaimSubject) =>
  !claim.deletedAt && (claim.authorId === actor.id || may(actor, "claims.editAny")) && !roundAnnotationEditBlock(actor, claim);

/** Deleting follows editing. */
export const canDeleteClaim = canEditClaim;

/** Restoring a deleted claim (undo): its author, or an editor or admin. */
export const canRestoreClaim = (actor: ClaimActor, claim: ClaimSubject) =>
  !!claim.deletedAt && (claim.authorId === actor.id || may(actor, "claims.editAny")) && !roundAnnotationEditBlock(actor, claim);

/** The permissions the client uses to show or hide controls for one claim. */
export function claimPermissions(actor: ClaimActor, claim: ClaimSubject) {
  return { edit: canEditClaim(actor, claim), delete: canDeleteClaim(actor, claim), restore: canRestoreClaim(actor, claim) };
}

/**
 * Whether an annotation is itself one of the article's final claims: made
 * outside review rounds by an editor or admin (lib/server/claims/list-final-claims.ts
 * reads them so). Its live events then tell viewers the outcome changed.
 */
export const isEditorsOwnClaim = (authorRole: Role, claim: { roundId?: string | null }) => !claim.roundId && canAdjudicateRole(authorRole);
