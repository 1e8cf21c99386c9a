import { may } from "./permissions";
import type { Role } from "./roles";
import { canEditClaim, type ClaimSubject } from "./claim";

/**
 * Who may do what with the team's evidence library. Pure: used by the server
 * and sent to the client (the DTOs' `can`) to hide controls.
 */
export type EvidenceActor = { id: string; role: Role };
export type EvidenceSubject = { createdById: string | null; deletedAt?: Date | string | null };

/** Every member adds to the library. */
export const canCreateEvidence = (_actor: EvidenceActor) => true;

/** The item's author edits it; editors and admins curate every item (seeded ones have no author). */
export const canEditEvidence = (actor: EvidenceActor, item: EvidenceSubject) =>
  !item.deletedAt && (item.createdById === actor.id || may(actor, "evidence.curate"));

/** Deleting follows editing; a deleted item leaves a tombstone the claims citing it still show. */
export const canDeleteEvidence = canEditEvidence;

/** Attaching, re-weighing or detaching evidence changes the claim, so it follows editing the claim. */
export const canLinkEvidence = (actor: EvidenceActor, claim: ClaimSubject) => canEditClaim(actor, claim);

/** The permissions the client uses to show or hide controls for one item. */
export function evidencePermissions(actor: EvidenceActor, item: EvidenceSubject) {
  return { edit: canEditEvidence(actor, item), delete: canDeleteEvidence(actor, item) };
}
