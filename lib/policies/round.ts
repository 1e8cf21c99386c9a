import { may } from "./permissions";
import type { Role } from "./roles";

/**
 * Who may do what in a review round. Pure: used by the server and sent to
 * the client (as `can`) to hide controls. Who sees which annotations (blind
 * review) is lib/policies/visibility.ts.
 */
export type RoundActor = { id: string; role: Role };
export type RoundStatus = "open" | "revealed" | "adjudicated" | "closed";
export type RoundSubject = { status: RoundStatus; adjudicatorId: string; reviewerIds: readonly string[] };
/** The caller's assignment in a round, if any. */
export type AssignmentSubject = { submittedAt: Date | string | null } | null;

/** Editors and admins start rounds (and are the only possible adjudicators). */
export const canStartRound = (actor: RoundActor) => may(actor, "rounds.run");
export const canAdjudicateRole = (role: Role) => may({ role }, "clusters.decide");

/**
 * Any editor or admin of the team may decide clusters, not only the assigned
 * adjudicator: a desk must be able to cover for an absent colleague, and
 * optimistic concurrency keeps two deciders from overwriting each other.
 */
export const canDecide = (actor: RoundActor, round: RoundSubject) =>
  may(actor, "clusters.decide") && (round.status === "revealed" || round.status === "adjudicated");

export const canSubmit = (round: RoundSubject, mine: AssignmentSubject) => round.status === "open" && !!mine && !mine.submittedAt;
export const canReopen = (round: RoundSubject, mine: AssignmentSubject) => round.status === "open" && !!mine && !!mine.submittedAt;
/** Ending the blind phase early is an editor's call. */
export const canReveal = (actor: RoundActor, round: RoundSubject) => may(actor, "rounds.run") && round.status === "open";
export const canClose = (actor: RoundActor, round: RoundSubject) => may(actor, "rounds.run") && round.status === "adjudicated";
/** Discussion opens with the reveal: before it, a comment could leak a reviewer's reading. */
export const canComment = (round: RoundSubject) => round.status !== "open";
/** Blind-phase progress counts (how many annotations each reviewer made): editors and admins only. */
export const canSeeProgressCounts = (actor: RoundActor) => may(actor, "rounds.run");

/** What the client may do with a round. */
export function roundPermissions(actor: RoundActor, round: RoundSubject, mine: AssignmentSubject) {
  return {
    submit: canSubmit(round, mine),
    reopen: canReopen(round, mine),
    reveal: canReveal(actor, round),
    decide: canDecide(actor, round),
    close: canClose(actor, round),
    comment: canComment(round),
  };
}
export type RoundPermissions = ReturnType<typeof roundPermissions>;

/** An annotation as the locking rule sees it. */
export type RoundAnnotationSubject = {
  authorId: string;
  roundId?: string | null;
  status?: string;
  round?: { status: string } | null;
};

/**
 * Why an annotation made in a round may not be changed by `actor`, or null
 * when it may. Only its author changes it, only while it is a draft and the
 * round is still blind; revealed annotations are frozen.
 */
export function roundAnnotationEditBlock(actor: RoundActor, annotation: RoundAnnotationSubject): string | null {
  if (!annotation.roundId) return null;
  if (annotation.round && annotation.round.status !== "open") return "This review round has been revealed; its annotations are frozen.";
  if (annotation.authorId !== actor.id) return "Only its author may change an annotation made in a review round.";
  if (annotation.status === "submitted") return "Your review is submitted. Reopen it to make changes.";
  return null;
}
