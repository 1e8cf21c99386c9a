/**
 * Blind review: the one rule that decides which work a member may see. Pure;
 * lib/server/visibility/ builds the `Visibility` of a request and turns this
 * rule into the `where` of every read, and the live-event stream filters by it.
 *
 * The rule:
 * 1. An annotation made in a round is seen by its author only while the round
 *    is open (blind); by the whole team once it is revealed. Editors and
 *    admins are no exception. Work outside rounds is seen by the whole team.
 * 2. A member assigned to an open round on an article reviews that article
 *    blind: there they see only their own annotations of that round (not
 *    the team's earlier work, which would anchor their reading), and no
 *    outcome (final claims, clusters, decisions, discussions, agreement
 *    figures, reports' claims) until the round is revealed. Submitting does
 *    not end it: a submitted review can be reopened until the reveal.
 * 3. A library item that a member makes while assigned to an open round is
 *    hidden from the other members assigned to that round until it is
 *    revealed (it would hint at the maker's reading). Everybody else sees it
 *    at once.
 * 4. Counts, usage lists and live events follow 1–3: nothing counts or
 *    announces what the viewer may not see.
 */
import type { Role } from "./roles";

/** An open round the viewer is assigned to: they review its article blind. */
export type BlindRound = {
  roundId: string;
  articleId: string;
  /** When the round started: library items its other reviewers make from then on are hidden from the viewer. */
  since: Date;
  /** Everyone assigned to the round, the viewer included. */
  reviewerIds: readonly string[];
};

const SEALED: unique symbol = Symbol("visibility");

/**
 * What one member may see, built once per request (lib/server/visibility/
 * load-visibility.ts) and required by every read of people's work. Only
 * {@link sealVisibility} makes one, so a plain object (or a forgotten
 * argument) does not type-check.
 */
export type Visibility = {
  readonly viewerId: string;
  readonly teamId: string;
  readonly role: Role;
  /** The open rounds the viewer is assigned to. */
  readonly blind: readonly BlindRound[];
  /**
   * Every open round of the team when the visibility was read: their drafts
   * are hidden from all but their authors (rule 1). Knowing them lets a
   * query test `roundId` instead of joining the round for its status
   * (visibleAnnotationSql binds them as one value, so a statement's size
   * does not grow with their number).
   */
  readonly openRoundIds: readonly string[];
  readonly [SEALED]: true;
};

/** The viewer's visibility, from who they are, their assignments in open rounds, and the team's open rounds. */
export function sealVisibility(
  viewer: { id: string; teamId: string; role: Role },
  blind: readonly BlindRound[],
  openRoundIds: readonly string[],
): Visibility {
  if (!viewer.id || !viewer.teamId) throw new Error("A visibility needs the viewer's id and team.");
  if (blind.some((b) => !openRoundIds.includes(b.roundId)))
    throw new Error("A round the viewer reviews blind is an open round of the team.");
  return Object.freeze({
    viewerId: viewer.id,
    teamId: viewer.teamId,
    role: viewer.role,
    blind: Object.freeze([...blind]),
    openRoundIds: Object.freeze([...openRoundIds]),
    [SEALED]: true as const,
  });
}

/** Throws unless `v` was made by {@link sealVisibility}: a read without one is a bug, never a request to see everything. */
export function assertVisibility(v: Visibility): void {
  if (!v || v[SEALED] !== true || !v.viewerId || !v.teamId || !Array.isArray(v.blind) || !Array.isArray(v.openRoundIds)) {
    throw new Error("Blind review: this read needs the caller's Visibility (lib/server/visibility).");
  }
}

/** The open round in which the viewer reviews this article blind, if any. */
export function blindRoundOn(v: Visibility, articleId: string): BlindRound | undefined {
  return v.blind.find((b) => b.articleId === articleId);
}

/** True while the viewer reviews this article blind (rule 2). */
export const isReviewingBlind = (v: Visibility, articleId: string) => !!blindRoundOn(v, articleId);

/** Whether the viewer may see the outcome of work on this article: final claims, clusters, decisions, discussions, agreement. */
export const canSeeOutcome = (v: Visibility, articleId: string) => !isReviewingBlind(v, articleId);

/** An annotation as the rule sees it. `round` carries the status of the round it was made in. */
export type AnnotationSubject = { authorId: string; articleId: string; roundId?: string | null; round?: { status: string } | null };

/** Rules 1 and 2 for one annotation. */
export function canSeeAnnotation(v: Visibility, a: AnnotationSubject): boolean {
  const blind = blindRoundOn(v, a.articleId);
  if (blind) return a.roundId === blind.roundId && a.authorId === v.viewerId;
  if (!a.roundId || a.authorId === v.viewerId) return true;
  return !!a.round && a.round.status !== "open";
}

/** Rule 3 for one library item. */
export function canSeeEvidenceItem(v: Visibility, item: { createdById: string | null; createdAt: Date }): boolean {
  return !hiddenItemMakers(v).some((m) => m.makerId === item.createdById && item.createdAt.getTime() >= m.since.getTime());
}

/** The co-reviewers whose library items made since `since` the viewer may not see (rule 3). */
export function hiddenItemMakers(v: Visibility): { makerId: string; since: Date }[] {
  return v.blind.flatMap((b) => b.reviewerIds.filter((id) => id !== v.viewerId).map((makerId) => ({ makerId, since: b.since })));
}

/**
 * Who may hear of a change to an annotation over live events: its author
 * alone while its round is open; `null` (the team, as rule 2 allows) otherwise.
 */
export function eventAudience(a: { authorId: string; roundId?: string | null; round?: { status: string } | null }): string[] | null {
  return a.roundId && (!a.round || a.round.status === "open") ? [a.authorId] : null;
}

/** A live event as the rule sees it. */
export type EventSubject = { kind: string; article: string | null; audience?: readonly string[] | null };

/**
 * Whether a live event may reach the viewer: only its audience when it has
 * one; on an article the viewer reviews blind, only the round's own state
 * (its start, submissions, reveal) and the viewer's own work.
 */
export function canReceiveEvent(v: Visibility, e: EventSubject): boolean {
  if (e.audience) return e.audience.includes(v.viewerId);
  if (e.article && isReviewingBlind(v, e.article)) return e.kind === "round" || e.kind === "article";
  return true;
}

/**
 * Notifications about a round's own state (you were assigned, a co-reviewer
 * submitted, the round was revealed) tell nothing of anyone's reading, as
 * the round's own live events do not (rule 2 lets those through).
 */
export const ROUND_STATE_NOTIFICATIONS: readonly string[] = ["assignment", "submitted", "revealed"];

/**
 * Rule 4 for a notification (the article part; lib/server/visibility/
 * visible-where.ts adds the comment part in SQL): on an article the viewer
 * reviews blind, only the round's own state reaches them. A decision, a
 * correction or a mention there waits for the reveal.
 */
export function canSeeNotification(v: Visibility, n: { kind: string; articleId: string | null }): boolean {
  return !n.articleId || !isReviewingBlind(v, n.articleId) || ROUND_STATE_NOTIFICATIONS.includes(n.kind);
}
